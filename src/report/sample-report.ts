/**
 * Test support: RunReports built by hand, one check of each status, so every reporter's tests
 * read the same run. Imported by tests only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exchange } from '../client/exchange';
import type { CheckInfo, CheckResult, RunReport } from '../core/types';
import { countResults, verdictOf } from '../core/verdict';
import { allProfiles } from '../profiles';
import { buildCoverage } from './coverage';

export const TARGET_URL = 'http://127.0.0.1:1234';

/** The profile the sample run certifies: the registry's default. */
export const sampleProfile = () => allProfiles()[0]!;

/** Characters every escaping test looks for. */
export const NASTY = `<&"'>`;

const info = (id: string, level: CheckInfo['level'], clause: string, title: string): CheckInfo => ({
  id,
  title,
  level,
  ref: { seed: '002_ab239a52e75d4602.txt', clause },
  tags: [],
  needs: [],
});

/** A charge replayed with the same nonce, which the target wrongly approved again. */
export function sampleExchange(): Exchange {
  return {
    request: {
      method: 'POST',
      url: `${TARGET_URL}/pos/charge?trace=1`,
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Terminal-Id', 'TERM-001'],
        ['X-Timestamp', '2025-01-02T10:00:01Z'],
        ['X-Nonce', 'abcDEF123456xyz'],
        ['X-Key-Id', 'hmac-key-2025-01'],
        ['X-Signature', 'v1=3f1c0ffee0ddba11'],
      ],
      body: '{"format":"TR31-DATA","mode":"CBC","iv":"00112233445566778899AABBCCDDEEFF","ciphertext":"ABCDEF"}',
      plaintext: { card: { number: '411111******1111' }, amount: { value: '1500', currency: 'EUR' } },
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-trace': 'tr-9' },
      body: '{"format":"TR31-DATA","mode":"CBC","iv":"FFEEDDCCBBAA99887766554433221100","ciphertext":"012345"}',
      truncated: false,
      plaintext: { charge_id: 'ch_replayed_42', status: 'approved' },
    },
    durationMs: 7,
  };
}

export const PASSED: CheckResult = { check: info('sig.valid', 'MUST', '1.2/signature', 'A correctly signed charge is accepted'), status: 'passed', durationMs: 12 };

export const FAILED: CheckResult = {
  check: info('nonce.replay', 'MUST', '1.2/nonce-replay', `A replayed nonce is refused ${NASTY}`),
  status: 'failed',
  durationMs: 30,
  failure: {
    checkId: 'nonce.replay',
    title: `A replayed nonce is refused ${NASTY}`,
    level: 'MUST',
    message: `expected 401, got 200 ${NASTY}`,
    step: 'send the same signed request again',
    expected: { status: 401, code: '4001' },
    actual: { status: 200, body: { status: 'approved', charge_id: 'ch_replayed_42' } },
    exchange: sampleExchange(),
    replay: { seed: 42, path: '0:1' },
  },
};

export const WARNING: CheckResult = {
  check: info('ts.forms', 'SHOULD', '1.2/timestamp-forms', 'Fractional-second timestamps are accepted'),
  status: 'warning',
  durationMs: 9,
  failure: {
    checkId: 'ts.forms',
    title: 'Fractional-second timestamps are accepted',
    level: 'SHOULD',
    message: 'X-Timestamp 2025-01-02T10:00:01.5Z was refused with 401',
  },
};

export const SKIPPED: CheckResult = {
  check: { ...info('cancel.pending', 'MUST', '1.7/cancel', 'A pending charge can be cancelled'), needs: ['pending_card'] },
  status: 'skipped',
  durationMs: 0,
  skipReason: 'the target declares no pending test card',
};

export const PASSED_13: CheckResult = { check: info('env.kcv', 'MUST', '1.3/kcv', 'key_kcv matches the MSK'), status: 'passed', durationMs: 4 };

/** A MUST failure the run's baseline expects (core/baseline.ts marks it known). */
export const KNOWN: CheckResult = {
  ...FAILED,
  check: { ...FAILED.check, id: 'nonce.window', title: 'A nonce reused inside the window is refused' },
  failure: { ...FAILED.failure!, checkId: 'nonce.window', message: 'expected 401, got 200' },
  baseline: { reason: 'replay store rewrite pending', ticket: 'PAY-7', expires: '2099-12-31', state: 'known' },
};

/** A baselined check that passed: the entry is out of date. */
export const FIXED: CheckResult = {
  check: info('sig.case', 'MUST', '1.2/signature', 'X-Signature is compared exactly'),
  status: 'passed',
  durationMs: 3,
  baseline: { reason: 'case-insensitive compare', state: 'fixed' },
};

/** A baseline entry past its date, on a check that still fails. */
export const EXPIRED: CheckResult = {
  ...FAILED,
  check: { ...FAILED.check, id: 'nonce.old', title: 'A nonce older than the window is refused' },
  failure: { ...FAILED.failure!, checkId: 'nonce.old', message: 'expected 401, got 200' },
  baseline: { reason: 'legacy gateway', expires: '2020-01-31', state: 'expired' },
};

/** A report of `results`, counts, verdict and coverage computed as the core would. */
export function sampleReport(results: CheckResult[] = [PASSED, FAILED, WARNING, SKIPPED, PASSED_13], overrides: Partial<RunReport> = {}): RunReport {
  const strict = overrides.strict ?? false;
  const counts = countResults(results);
  return {
    target: { baseUrl: TARGET_URL, embedded: false },
    profile: `${sampleProfile().name}/1`,
    harnessVersion: '0.1.0',
    startedAt: '2025-01-02T10:00:00.000Z',
    endedAt: '2025-01-02T10:00:04.200Z',
    strict,
    counts,
    verdict: verdictOf(counts, strict),
    checks: results,
    coverage: buildCoverage(sampleProfile().certifiedClauses, results.map((r) => r.check)),
    ...overrides,
  };
}

/** A fresh directory under the OS temp dir, and the function that removes it. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'paycert-report-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
