import { callbackOfBody } from './adapter';

describe('callbackOfBody', () => {
  it('reads the callback of {"callback"}, extra fields allowed', () => {
    expect(callbackOfBody('{"callback":"x://result?status=success","trace":"1"}')).toEqual({ ok: true, callback: 'x://result?status=success' });
  });

  it.each([
    ['not JSON', 'oops', /not JSON \(4 bytes\)/],
    ['null', 'null', /no "callback" string/],
    ['a number callback', '{"callback":1}', /no "callback" string/],
    ['an error body', '{"error":"bad"}', /no "callback" string/],
  ])('says why there is no callback in %s', (_what, body, message) => {
    const read = callbackOfBody(body);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toMatch(message);
  });
});
