import { applyBaseline } from './baseline';
import type { CheckResult } from './types';
import { countResults, exitCodeOf, verdictOf } from './verdict';

const result = (id: string, status: CheckResult['status']): CheckResult => ({
  check: { id, title: id, level: status === 'warning' ? 'SHOULD' : 'MUST', ref: { clause: '1.2/signature', seed: '' }, tags: [], needs: [] },
  status,
  durationMs: 1,
});

describe('verdictOf', () => {
  it('is certified when nothing failed, partial when a filter left checks out, not certified on a failure', () => {
    // Arrange
    const clean = countResults([result('a', 'passed'), result('b', 'warning')]);
    const failing = countResults([result('a', 'passed'), result('b', 'failed')]);
    // Act / Assert
    expect(verdictOf(clean, false)).toBe('certified');
    expect(verdictOf(clean, true)).toBe('not certified');
    expect(verdictOf(clean, false, { tags: ['signature'] })).toBe('partial');
    expect(verdictOf(clean, false, { shard: '1/3' })).toBe('partial');
    expect(verdictOf(clean, false, { tags: [] })).toBe('certified');
    expect(verdictOf(failing, false, { checks: ['b'] })).toBe('not certified');
  });

  it('a partial run exits 0 (what ran passed), a failing one 1', () => {
    expect(exitCodeOf({ verdict: 'partial' })).toBe(0);
    expect(exitCodeOf({ verdict: 'certified' })).toBe(0);
    expect(exitCodeOf({ verdict: 'not certified' })).toBe(1);
  });
});

describe('applyBaseline', () => {
  const entries = [
    { check: 'known-failure', reason: 'gateway bug', ticket: 'PAY-1', expires: '2027-01-31' },
    { check: 'now-passing', reason: 'was broken' },
    { check: 'overdue', reason: 'promised fix', expires: '2026-11-01' },
  ];

  it('marks a listed failure known, a listed pass fixed, a past date expired', () => {
    // Act
    const marked = applyBaseline([result('known-failure', 'failed'), result('now-passing', 'passed'), result('overdue', 'failed'), result('other', 'failed')], entries, '2026-11-30');
    // Assert
    expect(marked.map((r) => r.baseline?.state)).toEqual(['known', 'fixed', 'expired', undefined]);
    expect(marked[0]!.baseline).toEqual({ reason: 'gateway bug', ticket: 'PAY-1', expires: '2027-01-31', state: 'known' });
  });

  it('a known failure does not fail the run; an expired entry does; a fixed one only with --strict', () => {
    // Arrange
    const known = countResults(applyBaseline([result('known-failure', 'failed'), result('x', 'passed')], entries, '2026-11-30'));
    const fixed = countResults(applyBaseline([result('now-passing', 'passed')], entries, '2026-11-30'));
    const expired = countResults(applyBaseline([result('overdue', 'passed')], entries, '2026-11-30'));
    // Assert
    expect(known).toMatchObject({ failed: 0, known: 1, passed: 1 });
    expect(verdictOf(known, false)).toBe('certified');
    expect(verdictOf(fixed, false)).toBe('certified');
    expect(verdictOf(fixed, true)).toBe('not certified');
    expect(verdictOf(expired, false)).toBe('not certified');
  });
});
