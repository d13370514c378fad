import type { Answer } from '../client/pos-client';
import { checkExpect, checkExpectAll, matchValue } from './expect';
import { POS_STANDARD_ERROR } from '../profiles/viopay-pos/standard-error';
import { viewOf } from './view';

function answer(status: number, fields: Partial<Answer> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
    problems: [],
    wire: { request: { method: 'POST', path: '/pos/charge', query: '', headers: [['X-Nonce', 'n0nce0000000']], body: Buffer.alloc(0) }, response: { status, headers: {}, body: Buffer.alloc(0), truncated: false, durationMs: 1 } },
    exchange: { request: { method: 'POST', url: 'http://t/pos/charge', headers: [], body: '' }, durationMs: 1 },
    ...fields,
  };
}
const ok = (plaintext: unknown) => answer(200, { plaintext, json: { format: 'TR31-DATA', initialization_vector: 'AB' } });
const refused = (status: number, code: string) => answer(status, { json: { error: { code, message: 'm', trace_id: 't' } }, error: { code, message: 'm', trace_id: 't' } });

describe('matchValue', () => {
  it.each([
    ['abc', 'abc', null],
    [{ a: 1 }, { a: 1 }, null],
    [{ a: 1 }, { a: 2 }, 'equal to {"a":2}'],
    ['approved', { one_of: ['approved', 'pending'] }, null],
    ['declined', { not: 'approved' }, null],
    ['approved', { not: 'approved' }, 'not "approved"'],
    ['ch_1', { pattern: '^ch_' }, null],
    ['ch_(1', { pattern: '^ch_(1$' }, 'a string matching /^ch_(1$/, which is not a regular expression once its placeholders are filled'],
    [12, { type: 'integer' }, null],
    ['12', { type: 'number' }, 'of type number'],
    ['', { non_empty: true }, 'non-empty'],
    [{ x: 1 }, { non_empty: true }, null],
  ])('%j against %j', (value, matcher, expected) => {
    expect(matchValue(value, matcher as never)).toBe(expected);
  });
});

describe('checkExpect', () => {
  it('passes a matching answer and names the first difference of one that is not', () => {
    const a = ok({ status: 'approved', amount: { value: '1500' } });
    expect(checkExpect(a, viewOf(a), { status: 200, fields: { status: 'approved', 'amount.value': '1500' } })).toBeNull();
    expect(checkExpect(a, viewOf(a), { fields: { 'amount.value': '1501' } })?.message).toBe('amount.value is "1500", expected equal to "1501"');
  });

  it('accepts any status of a list (PROFILE MAY) and says which were allowed', () => {
    const a = refused(404, '4040');
    expect(checkExpect(a, viewOf(a), { status: [400, 404], error: 'standard' }, POS_STANDARD_ERROR)).toBeNull();
    expect(checkExpect(a, viewOf(a), { status: [400, 401] })?.message).toBe('status 404, expected 400 or 401 (error 4040: m)');
  });

  it('error: standard ties 400 to 4000 and 401 to 4001', () => {
    const wrong = refused(401, '4000');
    expect(checkExpect(wrong, viewOf(wrong), { status: 401, error: 'standard' }, POS_STANDARD_ERROR)?.message).toMatch(/error.code "4000" does not go with status 401 \(PROFILE 1.4: 4001\)/);
    const plain = answer(400, { json: { message: 'bad' }, problems: [{ kind: 'schema', schema: 'error', message: 'error: /error: is required' }] });
    expect(checkExpect(plain, viewOf(plain), { status: 400, error: 'standard' }, POS_STANDARD_ERROR)?.message).toMatch(/no PROFILE 1.4 error body/);
    // A profile without a standard error body cannot meet the expectation.
    expect(checkExpect(wrong, viewOf(wrong), { status: 401, error: 'standard' })?.message).toMatch(/has no standard error body/);
  });

  it('never lets a 5xx through, and never a 200 with decode problems', () => {
    const crash = refused(500, '5000');
    expect(checkExpect(crash, viewOf(crash), {})?.message).toMatch(/must not answer .* 5xx/);
    const badKcv = answer(200, { plaintext: {}, problems: [{ kind: 'kcv', message: 'key_kcv 000000 is not the cmac KCV of the MSK' }] });
    expect(checkExpect(badKcv, viewOf(badKcv), { status: 200 })?.message).toMatch(/key_kcv 000000/);
  });

  it('any_of holds when one alternative does', () => {
    const again = ok({ charge_id: 'ch_1', status: 'cancelled' });
    const alternatives = { any_of: [{ status: 400, error: 'standard' as const }, { status: 200, fields: { status: 'cancelled' } }] };
    expect(checkExpect(again, viewOf(again), alternatives)).toBeNull();
    const neither = ok({ status: 'approved' });
    expect(checkExpect(neither, viewOf(neither), alternatives)?.message).toMatch(/^none of the allowed answers: \(1\) status 200, expected 400; \(2\) status is "approved"/);
  });

  it('reads headers case-insensitively', () => {
    const a = ok({});
    expect(checkExpect(a, viewOf(a), { headers: { 'Idempotency-Key': 'k1' } })).toBeNull();
  });
});

describe('checkExpectAll', () => {
  it('counts 200 answers and distinct values', () => {
    const answers = [ok({ charge_id: 'a' }), ok({ charge_id: 'a' }), refused(400, '4000')];
    const views = answers.map((a) => viewOf(a));
    expect(checkExpectAll(answers, views, { ok: { max: 2 }, distinct: { path: 'charge_id', max: 1 } })).toBeNull();
    expect(checkExpectAll(answers, views, { ok: { max: 1 } })?.message).toBe('2 of 3 answers were 200, expected at most 1');
    const two = [ok({ charge_id: 'a' }), ok({ charge_id: 'b' })];
    expect(checkExpectAll(two, two.map((a) => viewOf(a)), { distinct: { path: 'charge_id', max: 1 } })?.message).toMatch(/^2 distinct charge_id/);
    expect(checkExpectAll(answers, views, { each: { status: 200 } })?.message).toMatch(/^answer 3 of 3: status 400/);
  });
});
