import { luhnValid, maskPan } from './pan';

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['4000000000000002', true],
    ['4000000000000051', true],
    ['4111111111111112', false],
    ['41111111111111a1', false],
    ['', false],
  ])('%s -> %s', (pan, expected) => {
    expect(luhnValid(pan)).toBe(expected);
  });
});

describe('maskPan', () => {
  it('keeps first 6 and last 4', () => {
    expect(maskPan('4111111111111111')).toBe('411111******1111');
  });
  it('stars a short number whole', () => {
    expect(maskPan('123456789')).toBe('*********');
  });
});
