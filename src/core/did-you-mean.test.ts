import { didYouMean, editDistance } from './did-you-mean';

describe('editDistance', () => {
  it.each([
    ['status', 'status', 0],
    ['stauts', 'status', 2],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('didYouMean', () => {
  const keys = ['status', 'code', 'fields', 'schema', 'one_of'];
  it('suggests the nearest key for a typo', () => {
    expect(didYouMean('stauts', keys)).toBe('status');
    expect(didYouMean('feilds', keys)).toBe('fields');
    expect(didYouMean('Code', keys)).toBe('code');
  });
  it('suggests nothing for a word unlike any key', () => {
    expect(didYouMean('banana', keys)).toBeUndefined();
  });
});
