/**
 * An expected-failure baseline: checks a team knows fail, with the reason and a date by which they
 * must be fixed. Applied to a run's results, a listed failure is *known* (not held against the
 * run), a listed check that passed is *fixed* (the entry is out of date), and an entry past its
 * date is *expired* (it fails the run). Reading the file is the CLI's; this is the rule.
 */
import type { BaselineEntry, CheckResult } from './types';

/** Today's date as YYYY-MM-DD (UTC), the form `expires` is written in. */
export function today(nowMs: number = Date.now()): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/** The results with each baselined check marked; checks the baseline does not name are unchanged. */
export function applyBaseline(results: readonly CheckResult[], entries: readonly BaselineEntry[], date: string = today()): CheckResult[] {
  const byCheck = new Map(entries.map((e) => [e.check, e]));
  return results.map((result) => {
    const entry = byCheck.get(result.check.id);
    if (!entry || result.status === 'skipped') return result;
    const { check: _check, ...about } = entry;
    const expired = entry.expires !== undefined && entry.expires < date;
    const state = expired ? 'expired' : result.status === 'passed' ? 'fixed' : 'known';
    return { ...result, baseline: { ...about, state } };
  });
}

/** One result as a run's baseline sees it (known, fixed, expired), dated by the run's start. */
export function withBaseline(result: CheckResult, options: { baseline?: { file?: string; entries: readonly BaselineEntry[] }; startedAt: string }): CheckResult {
  if (!options.baseline) return result;
  return applyBaseline([result], options.baseline.entries, today(Date.parse(options.startedAt)))[0]!;
}
