/**
 * The coverage table: every PROFILE clause and the checks that enforce it. A MUST or SHOULD
 * clause with no check is a hole in the certification, so it is listed and marked.
 */
import type { CheckInfo, CoverageRow } from '../core/types';
import type { Clause } from '../profile/clauses';
import { codeCell, markdownCell } from './markdown-text';
import { byCodePoint } from './text';

/**
 * One row per clause, in the clauses' order, listing the ids (sorted, each once) of the checks
 * whose `ref.clause` is that clause's id.
 */
export function buildCoverage(clauses: readonly Clause[], checks: readonly CheckInfo[]): CoverageRow[] {
  const byClause = new Map<string, Set<string>>();
  for (const check of checks) {
    const ids = byClause.get(check.ref.clause) ?? new Set<string>();
    ids.add(check.id);
    byClause.set(check.ref.clause, ids);
  }
  return clauses.map((clause) => ({
    clause: clause.id,
    section: clause.section,
    level: clause.level,
    text: clause.text,
    checks: [...(byClause.get(clause.id) ?? [])].sort(byCodePoint),
  }));
}

/** The MUST and SHOULD rows no check enforces (a MAY clause needs no check to be covered). */
export function uncoveredClauses(rows: readonly CoverageRow[]): CoverageRow[] {
  return rows.filter((row) => row.level !== 'MAY' && row.checks.length === 0);
}

/** Shown in the checks column of an uncovered MUST or SHOULD row, so it stands out in a review. */
export const UNCOVERED_MARK = '**⚠ NOT COVERED**';

/** The rows as a Markdown table (clause, level, text, checks), uncovered MUST/SHOULD rows marked. */
export function coverageMarkdown(rows: readonly CoverageRow[]): string {
  const uncovered = new Set(uncoveredClauses(rows));
  const lines = ['| clause | level | text | checks |', '|---|---|---|---|'];
  for (const row of rows) {
    const checks = uncovered.has(row)
      ? UNCOVERED_MARK
      : row.checks.length === 0
        ? '-'
        : row.checks.map(codeCell).join(', ');
    lines.push(`| ${markdownCell(row.clause)} | ${row.level} | ${markdownCell(row.text)} | ${checks} |`);
  }
  const missing = uncovered.size;
  lines.push('', missing === 0 ? 'Every MUST and SHOULD clause has at least one check.' : `${missing} MUST/SHOULD clause(s) have no check.`);
  return lines.join('\n');
}
