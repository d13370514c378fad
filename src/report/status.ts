/** How each status is shown: one icon and one word, the same in every reporter. */
import type { BaselineMark, CheckResult, CheckStatus, Counts, RunFilters, RunReport } from '../core/types';
import { plural } from './text';

export const STATUS_ICON: Record<CheckStatus, string> = { passed: '✔', failed: '✘', warning: '⚠', skipped: '○' };
export const STATUS_WORD: Record<CheckStatus, string> = { passed: 'PASS', failed: 'FAIL', warning: 'WARN', skipped: 'SKIP' };

/** How a baseline mark is shown instead of the status: the run judged the check by it. */
export const BASELINE_ICON: Record<BaselineMark['state'], string> = { known: '◌', fixed: '★', expired: '✘' };
export const BASELINE_WORD: Record<BaselineMark['state'], string> = { known: 'KNOWN', fixed: 'FIXED', expired: 'EXPIRED' };

/** The word a result is shown with: its status, or its baseline mark (KNOWN, FIXED, EXPIRED). */
export const resultWord = (r: CheckResult): string => (r.baseline ? BASELINE_WORD[r.baseline.state] : STATUS_WORD[r.status]);
export const resultIcon = (r: CheckResult): string => (r.baseline ? BASELINE_ICON[r.baseline.state] : STATUS_ICON[r.status]);

/** What the baseline says of a check, in words: `known failure (baseline: why; ticket PAY-1; expires 2026-01-31)`. */
export function baselineNote(mark: BaselineMark): string {
  const about = [`baseline: ${mark.reason}`, mark.ticket && `ticket ${mark.ticket}`, mark.expires && `expires ${mark.expires}`].filter(Boolean).join('; ');
  const what = { known: 'known failure, not failing the run', fixed: 'fixed: passed, take it out of the baseline', expired: 'the baseline entry has expired: it fails the run' }[mark.state];
  return `${what} (${about})`;
}

/** Order for reading: what needs attention first (failed, expired, warning, fixed), then known failures, skipped, passed. */
const ATTENTION: Record<CheckStatus, number> = { failed: 0, warning: 1, skipped: 3, passed: 4 };

function attention(r: CheckResult): number {
  if (r.baseline?.state === 'known') return 2;
  if (r.baseline?.state === 'expired') return 0;
  if (r.baseline?.state === 'fixed') return 1;
  return ATTENTION[r.status];
}

/** The results sorted failures first, keeping run order within a status (sort is stable). */
export function byAttention(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => attention(a) - attention(b));
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
    ...(filters.noBuiltin ? ['--no-builtin'] : []),
  ].join(' ');
}
