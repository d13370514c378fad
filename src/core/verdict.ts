/** Counting results and reaching a verdict: the one place the exit-code rule lives. */
import type { CheckResult, Counts, RunReport } from './types';

export function countResults(results: readonly CheckResult[]): Counts {
  const counts: Counts = { total: results.length, passed: 0, failed: 0, warning: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** Certified when nothing failed and, with `strict`, nothing warned. */
export function verdictOf(counts: Counts, strict: boolean): RunReport['verdict'] {
  return counts.failed === 0 && (!strict || counts.warning === 0) ? 'certified' : 'not certified';
}

/** Exit codes of `paycert run`: 0 certified, 1 not certified, 2 the harness could not run. */
export const EXIT = { certified: 0, notCertified: 1, harnessError: 2 } as const;

export function exitCodeOf(report: Pick<RunReport, 'verdict'>): number {
  return report.verdict === 'certified' ? EXIT.certified : EXIT.notCertified;
}

/** How a failed check's level turns into a status: a SHOULD failure is a warning. */
export function statusOfFailure(level: 'MUST' | 'SHOULD'): 'failed' | 'warning' {
  return level === 'MUST' ? 'failed' : 'warning';
}
