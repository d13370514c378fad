import { byName } from '../../../../target-kit/by-name';

describe('byName', () => {
  it('indexes by name and throws on a duplicate, naming the kind', () => {
    expect(byName('fault', [{ name: 'a' }, { name: 'b' }]).get('b')).toEqual({ name: 'b' });
    expect(() => byName('VPWS fault', [{ name: 'a' }, { name: 'a' }])).toThrow('duplicate VPWS fault name "a"');
  });
});
