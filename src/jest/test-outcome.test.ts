import { EXPIRED, FAILED, FIXED, KNOWN, PASSED, WARNING } from '../report/sample-report';
import { testFailure, withBaseline } from './test-outcome';

describe('testFailure', () => {
  it('without a baseline: a MUST failure fails, a warning only when strict, a pass never', () => {
    expect(testFailure(FAILED, false)).toMatch(/^expected 401, got 200/);
    expect(testFailure(WARNING, false)).toBeUndefined();
    expect(testFailure(WARNING, true)).toMatch(/^X-Timestamp/);
    expect(testFailure(PASSED, true)).toBeUndefined();
  });

  it('with a baseline: known passes even strict, expired fails, fixed fails only when strict', () => {
    expect(testFailure(KNOWN, true)).toBeUndefined();
    expect(testFailure(EXPIRED, false)).toMatch(/^the baseline entry for nonce\.old expired \(expires 2020-01-31\); it fails the run\n\nexpected 401/);
    expect(testFailure(FIXED, false)).toBeUndefined();
    expect(testFailure(FIXED, true)).toBe('sig.case passed, but the baseline still lists it (--strict): take it out of the baseline');
  });
});

describe('withBaseline', () => {
  const startedAt = '2026-02-01T23:59:59.000Z';

  it('marks a listed check by the date the run started, and leaves others alone', () => {
    const entries = [{ check: 'nonce.replay', reason: 'r', expires: '2026-02-01' }];
    expect(withBaseline(FAILED, { startedAt, baseline: { file: 'b', entries } }).baseline).toEqual({ reason: 'r', expires: '2026-02-01', state: 'known' });
    expect(withBaseline(FAILED, { startedAt: '2026-02-02T00:00:00.000Z', baseline: { file: 'b', entries } }).baseline?.state).toBe('expired');
    expect(withBaseline(PASSED, { startedAt, baseline: { file: 'b', entries } })).toBe(PASSED);
    expect(withBaseline(FAILED, { startedAt })).toBe(FAILED);
  });
});
