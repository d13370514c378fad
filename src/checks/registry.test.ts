import { CheckRegistry } from './registry';
import type { Check } from './check';

const check = (id: string, file = 'a.spec.yaml'): Check => ({
  profile: 'viopay-pos',
  info: { id, title: id, level: 'MUST', ref: { clause: '1.2/nonce-replay', seed: '' }, tags: [], needs: [] },
  file,
  run: async () => ({ check: { id, title: id, level: 'MUST', ref: { clause: '', seed: '' }, tags: [], needs: [] }, status: 'passed', durationMs: 0 }),
});

describe('CheckRegistry', () => {
  it('finds checks by id, in registration order', () => {
    const registry = new CheckRegistry([check('b'), check('a')]);
    expect(registry.ids()).toEqual(['b', 'a']);
    expect(registry.get('a')?.info.id).toBe('a');
  });

  it('throws on a duplicate id, naming both files', () => {
    expect(() => new CheckRegistry([check('x', 'one.spec.yaml'), check('x', 'two.property.ts')])).toThrow('duplicate check id "x" (one.spec.yaml and two.property.ts)');
  });
});
