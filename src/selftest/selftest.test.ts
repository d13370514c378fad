/**
 * issue 4: the harness proves itself. Every fault of the catalogue makes certification fail (MUST)
 * or warn (SHOULD), caught by the checks the catalogue names for it; every legal variation is
 * certified with no failure and no warning. A fault the harness misses is a harness bug.
 */
import type { CheckResult } from '../core/types';
import { FAULTS, LEGAL_VARIATIONS } from '../profiles/viopay-pos/target/variants';
import { VPWS_FAULTS, VPWS_VARIATIONS } from '../profiles/vpws/target/variants';
import { TERMINAL_FAULTS } from '../profiles/viva-interapp/terminal/variants';
import { TERMINAL_VARIATIONS } from '../profiles/viva-interapp/terminal/variations';
import { selftestMarkdown } from './markdown';
import { judgeFault, judgeVariation } from './run-selftest';
import { describeSelftestPart } from './selftest-part';

describeSelftestPart(0);

describe('the catalogue', () => {
  it('has at least 30 faults, at least 6 for VPWS and 6 for the Viva terminal, and every MAY clause among the variations', () => {
    expect(FAULTS.size).toBeGreaterThanOrEqual(30);
    const mayClauses = ['1.3/kcv-5-byte', '1.4/unknown-id', '1.5/idempotency-conflict', '1.6/refund-before-settlement', '1.7/cancel-repeat', '1.1/device-headers', '2/repeat-cancel', '2/not-cancellable', '2/reference-required'];
    const clauses = [...[...LEGAL_VARIATIONS.values()].map((v) => v.clause), ...VPWS_VARIATIONS.map((v) => v.clause)];
    expect(mayClauses.filter((c) => !clauses.includes(c))).toEqual([]);
    expect(VPWS_FAULTS.length).toBeGreaterThanOrEqual(6);
    expect(TERMINAL_FAULTS.length).toBeGreaterThanOrEqual(6);
    expect(TERMINAL_VARIATIONS.length).toBeGreaterThan(0);
  });

  it('names every fault and variation once across the three catalogues (serve --fault and selftest --only take any of them)', () => {
    const names = [...FAULTS.keys(), ...LEGAL_VARIATIONS.keys(), ...VPWS_FAULTS.map((f) => f.name), ...VPWS_VARIATIONS.map((v) => v.name), ...TERMINAL_FAULTS.map((f) => f.name), ...TERMINAL_VARIATIONS.map((v) => v.name)];
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe('judging one variant', () => {
  const result = (id: string, status: CheckResult['status'], level: 'MUST' | 'SHOULD' = 'MUST'): CheckResult => ({
    check: { id, title: id, level, ref: { clause: '1.2/nonce-replay', seed: '' }, tags: [], needs: [] },
    status,
    durationMs: 1,
  });
  const must = { name: 'f', title: 't', clause: '1.2/nonce-replay', level: 'MUST' as const, rules: {} };
  const should = { ...must, level: 'SHOULD' as const };

  it('a MUST fault that certifies is missed', () => {
    expect(judgeFault(must, [result('a', 'passed'), result('b', 'warning', 'SHOULD')])).toMatchObject({ caught: false, why: 'certified: no MUST check failed' });
    expect(judgeFault(must, [result('a', 'failed')]).caught).toBe(true);
  });

  it('a SHOULD fault must warn and fail nothing', () => {
    expect(judgeFault(should, [result('a', 'warning', 'SHOULD')]).caught).toBe(true);
    expect(judgeFault(should, [result('a', 'passed')]).why).toBe('no warning');
    expect(judgeFault(should, [result('a', 'failed'), result('b', 'warning', 'SHOULD')]).why).toMatch(/^a SHOULD fault failed MUST checks/);
  });

  it('a fault not caught by a check the catalogue names is missed', () => {
    expect(judgeFault({ ...must, caughtBy: ['b'] }, [result('a', 'failed'), result('b', 'passed')]).why).toBe('not caught by b, which the catalogue says catch it');
  });

  it('a variation with a warning does not pass', () => {
    expect(judgeVariation({ name: 'v', title: 't', clause: 'liberty' }, [result('a', 'warning', 'SHOULD')]).passed).toBe(false);
    expect(judgeVariation({ name: 'v', title: 't', clause: 'liberty' }, [result('a', 'passed')]).passed).toBe(true);
  });
});

describe('the report of a fast and a full selftest', () => {
  const report = { startedAt: 'now', durationMs: 1, checks: 1, faults: [], variations: [], score: { faultsCaught: 0, faults: 0, variationsPassed: 0, variations: 0 }, passed: true };

  it('says when MUST faults met only the checks until they were caught, and how to get the whole matrix', () => {
    expect(selftestMarkdown({ ...report, mode: 'fast' })).toContain('`paycert selftest --full` runs every check against every fault');
    expect(selftestMarkdown({ ...report, mode: 'full' })).not.toContain('--full');
  });
});
