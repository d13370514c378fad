import { CaptureError, captureNames, interpolate } from './interpolate';
import type { AnswerView } from './view';

const first: AnswerView = {
  kind: 'answer',
  http: { status: 401, headers: { 'idempotency-key': 'k1' } },
  error: { code: '4001' },
  request: { path: '/pos/charge', nonce: 'abcdefabcdef' },
  plaintext: { charge_id: 'ch_1', amount: { value: '1500' } },
};
const vars = { first, clock: { last_year: 2025 }, run: { unique: 'u1' } };

describe('interpolate', () => {
  it('a whole reference keeps its type; references in text are written in', () => {
    expect(interpolate({ y: '${clock.last_year}', key: 'idem-${run.unique}', id: '${first.charge_id}' }, vars)).toEqual({ y: 2025, key: 'idem-u1', id: 'ch_1' });
  });

  it('reads the namespaces of an answer view', () => {
    expect(interpolate(['${first.http.status}', '${first.error.code}', '${first.request.nonce}', '${first.amount.value}'], vars)).toEqual([401, '4001', 'abcdefabcdef', '1500']);
  });

  it('an unknown name or field is a CaptureError naming it', () => {
    expect(() => interpolate('${second.charge_id}', vars)).toThrow(new CaptureError('${second.charge_id} names no earlier step'));
    expect(() => interpolate('${first.refund_id}', vars)).toThrow(CaptureError);
  });
});

describe('captureNames', () => {
  it('finds every referenced name, deep', () => {
    expect(captureNames({ a: ['${x.y}', { b: 'k-${run.id}' }] }).sort()).toEqual(['run', 'x']);
  });
});
