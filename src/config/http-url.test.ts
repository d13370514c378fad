import { baseUrlProblem, httpUrlProblem } from './http-url';

describe('httpUrlProblem', () => {
  it.each([
    'http://127.0.0.1:8080',
    'https://staging.example.test/pos/',
    'http://[::1]:8080',
    'HTTP://host.example',
    'http://user:pw@host.example:1/',
    'http://127.0.0.1:65535/_conformance/state?x=1',
  ])('accepts %s', (url) => {
    expect(httpUrlProblem(url)).toBeNull();
  });

  it.each([
    ['http://127.0.0.1:99999', 'has the port "99999": a port is a number from 1 to 65535'],
    ['http://127.0.0.1:65536', 'has the port "65536": a port is a number from 1 to 65535'],
    ['http://127.0.0.1:0', 'has the port "0": a port is a number from 1 to 65535'],
    ['http://127.0.0.1:-1', 'has the port "-1": a port is a number from 1 to 65535'],
    ['http://127.0.0.1:abc', 'has the port "abc": a port is a number from 1 to 65535'],
    ['ftp://127.0.0.1', 'has the scheme ftp: only http:// and https:// are spoken'],
    ['not a url', 'is not a URL: it must start with http:// or https://'],
    ['http://', 'has no host'],
    ['http://:8080/x', 'has no host'],
    ['http://exa mple.test', 'holds a space, a control character or a backslash'],
    ['http://host\r\nX: 1', 'holds a space, a control character or a backslash'],
    ['http://ho%00st', 'has a host that is not one ("ho%00st")'],
  ])('refuses %j: %s', (url, problem) => {
    expect(httpUrlProblem(url)).toBe(problem);
  });
});

describe('baseUrlProblem', () => {
  it('refuses a query or a fragment, which the requests would silently drop', () => {
    expect(baseUrlProblem('http://127.0.0.1:8080/?a=1')).toMatch(/has a query or fragment/);
    expect(baseUrlProblem('http://127.0.0.1:8080/#x')).toMatch(/has a query or fragment/);
    expect(baseUrlProblem('http://127.0.0.1:8080/api')).toBeNull();
  });
});
