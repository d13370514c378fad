/**
 * The client report: the session's check results as a certification's RunReport, so the existing
 * reporters (console, report.json, junit.xml, summary.md, report.html) write it unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redactor } from '../../../core/redactor';
import type { RunReport } from '../../../core/types';
import { countResults, verdictOf } from '../../../core/verdict';
import { buildCoverage } from '../../../report/coverage';
import { resolveTargetOptions } from '../target/options';
import { JUDGED_CLAUSES } from './clauses';
import type { JudgeKeys } from './facts';
import type { ClientSession } from './session';

/** The report's `profile`: the POS API, judged from the app's side. */
export const CLIENT_PROFILE = 'viopay-pos-client';

function harnessVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The session so far as a report; the verdict follows core/verdict.ts (a SHOULD is a warning unless
 * strict), except that a session without a single request is not certified.
 */
export function clientRunReport(session: ClientSession, run: { startedAt: string; strict: boolean; endedAt?: string }): RunReport {
  const checks = session.results();
  const counts = countResults(checks);
  return {
    target: { baseUrl: session.baseUrl, embedded: false },
    profile: CLIENT_PROFILE,
    harnessVersion: harnessVersion(),
    startedAt: run.startedAt,
    strict: run.strict,
    identity: { terminalId: session.keys.terminalId, keyId: session.keys.keyId, kcvMethod: 'cmac' },
    endedAt: run.endedAt ?? new Date().toISOString(),
    counts,
    // A session in which the app sent nothing showed nothing: it is not certified.
    verdict: session.judged.length === 0 ? 'not certified' : verdictOf(counts, run.strict),
    checks,
    coverage: buildCoverage(JUDGED_CLAUSES, checks.map((c) => c.check)),
  };
}

/** The redactor of a session: the secret, the MSK (text and bytes) and the test cards never leave memory. */
export function clientRedactor(keys: JudgeKeys): Redactor {
  const { cards } = resolveTargetOptions();
  return new Redactor({ secrets: [keys.hmacSecret, keys.msk.toString('hex')], secretBytes: [keys.msk], cards: [cards.approved, cards.declined, cards.pending] });
}
