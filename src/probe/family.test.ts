import type { ProbeFamily } from './family';
import { expandFamily } from './family';

const family: ProbeFamily = {
  id: 'pos.probe.example',
  profile: 'viopay-pos',
  clause: '1.2/signature-failures',
  level: 'MUST',
  subject: 'A charge whose X-Key-Id is the configured key id',
  tags: ['signature'],
  setup: [{ as: 'c', charge: {} }],
  step: { charge: { amount: { value: '100' } } },
  refused: { status: 401 },
  accepted: { status: 200 },
  cases: [
    { name: 'upper-case', miss: { element: 'X-Key-Id', kind: 'upper-case' } },
    { name: 'liberty', title: 'in another form', outcome: 'accepted', level: 'SHOULD', clause: '1.2/timestamp-forms', with: { charge: { currency: 'USD' } } },
  ],
};

describe('expandFamily', () => {
  it('makes one scenario per case, with its id, level, clause, steps and expectation', () => {
    // Act
    const [refused, accepted] = expandFamily(family, '/x/pos.probe.ts');
    // Assert
    expect(refused).toMatchObject({ id: 'pos.probe.example.upper-case', level: 'MUST', ref: { clause: '1.2/signature-failures' }, tags: ['signature', 'probe'], file: '/x/pos.probe.ts' });
    expect(refused!.title).toBe('A charge whose X-Key-Id is the configured key id in upper case: refused');
    expect(refused!.steps).toEqual([{ as: 'c', charge: {} }, { charge: { amount: { value: '100' } }, break: { near_miss: { element: 'X-Key-Id', kind: 'upper-case' } }, expect: { status: 401 } }]);
    expect(accepted).toMatchObject({ id: 'pos.probe.example.liberty', level: 'SHOULD', ref: { clause: '1.2/timestamp-forms' } });
    expect(accepted!.title).toBe('A charge whose X-Key-Id is the configured key id in another form: accepted');
    expect(accepted!.steps[1]).toEqual({ charge: { amount: { value: '100' }, currency: 'USD' }, expect: { status: 200 } });
  });
});
