/** How each status is shown: one icon and one word, the same in every reporter. */
import type { CheckResult, CheckStatus, Counts, RunFilters, RunReport } from '../core/types';
import { plural } from './text';

export const STATUS_ICON: Record<CheckStatus, string> = { passed: '✔', failed: '✘', warning: '⚠', skipped: '○' };
export const STATUS_WORD: Record<CheckStatus, string> = { passed: 'PASS', failed: 'FAIL', warning: 'WARN', skipped: 'SKIP' };

/** Order for reading: what needs attention first (failed, warning), then skipped, then passed. */
const ATTENTION: Record<CheckStatus, number> = { failed: 0, warning: 1, skipped: 2, passed: 3 };

/** The results sorted failures first, keeping run order within a status (sort is stable). */
export function byAttention(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => ATTENTION[a.status] - ATTENTION[b.status]);
}

/** `70 passed, 1 failed, 2 warnings, 3 skipped` (and `, 1 known failure, 1 fixed, 1 expired` with a baseline). */
export function countsLine(counts: Counts): string {
  const baseline = [
    counts.known ? plural(counts.known, 'known failure') : '',
    counts.fixed ? `${counts.fixed} fixed` : '',
    counts.expired ? `${counts.expired} expired` : '',
  ].filter(Boolean);
  return [`${counts.passed} passed, ${counts.failed} failed, ${plural(counts.warning, 'warning')}, ${counts.skipped} skipped`, ...baseline].join(', ');
}

/** `CERTIFIED`, `PARTIAL` or `NOT CERTIFIED`. */
export const verdictWord = (verdict: RunReport['verdict']) => verdict.toUpperCase();

/** What narrowed a run, in words (`--tag signature --check pos.x shard 1/3`), or '' for a whole run. */
export function filtersLine(filters: RunFilters | undefined): string {
  if (!filters) return '';
  return [
    ...(filters.tags ?? []).map((t) => `--tag ${t}`),
    ...(filters.excludeTags ?? []).map((t) => `--exclude-tag ${t}`),
    ...(filters.checks ?? []).map((c) => `--check ${c}`),
    ...(filters.shard ? [`--shard ${filters.shard}`] : []),
  ].join(' ');
}
