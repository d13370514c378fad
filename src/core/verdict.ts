/** Counting results and reaching a verdict: the one place the verdict and exit-code rule lives. */
import type { CheckResult, Counts, RunFilters, RunReport, Verdict } from './types';

export function countResults(results: readonly CheckResult[]): Counts {
  const counts: Counts = { total: results.length, passed: 0, failed: 0, warning: 0, skipped: 0 };
  for (const r of results) {
    const state = r.baseline?.state;
    // A failure the baseline expects is counted as known, not as failed or as a warning.
    if (state !== 'known') counts[r.status]++;
    if (state) counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

/** True when a filter narrowed the run to part of the suite. */
export function isPartial(filters: RunFilters | undefined): boolean {
  if (!filters) return false;
  return Boolean(filters.tags?.length || filters.excludeTags?.length || filters.checks?.length || filters.shard || filters.noBuiltin);
}

/**
 * NOT CERTIFIED when a MUST check failed (a baselined one aside), a baseline entry expired, or,
 * with `strict`, a SHOULD check warned or a baselined check passed (the baseline is out of date).
 * Otherwise CERTIFIED, or PARTIAL when a filter left checks out: a partial run proves only what it ran.
 */
export function verdictOf(counts: Counts, strict: boolean, filters?: RunFilters): Verdict {
  const bad = counts.failed > 0 || (counts.expired ?? 0) > 0 || (strict && (counts.warning > 0 || (counts.fixed ?? 0) > 0));
  if (bad) return 'not certified';
  return isPartial(filters) ? 'partial' : 'certified';
}

/** Exit codes of `paycert run`: 0 certified (or partial: what ran passed), 1 not certified, 2 the harness could not run. */
export const EXIT = { certified: 0, notCertified: 1, harnessError: 2 } as const;

export function exitCodeOf(report: Pick<RunReport, 'verdict'>): number {
  return report.verdict === 'not certified' ? EXIT.notCertified : EXIT.certified;
}

/** How a failed check's level turns into a status: a SHOULD failure is a warning. */
export function statusOfFailure(level: 'MUST' | 'SHOULD'): 'failed' | 'warning' {
  return level === 'MUST' ? 'failed' : 'warning';
}
