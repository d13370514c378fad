/**
 * `summary.md`: what a reviewer reads in a minute. Verdict and counts first, then every check
 * with what needs attention on top, then the failures in full, the skipped checks with their
 * reasons, and the clause coverage.
 */
import { join } from 'node:path';
import type { Reporter } from '../core/reporter';
import type { CheckResult, RunReport } from '../core/types';
import { coverageMarkdown } from './coverage';
import { formatFailure } from './failure-format';
import { writeReportFile } from './files';
import { codeCell, fenced, markdownCell } from './markdown-text';
import { STATUS_WORD, baselineNote, byAttention, countsLine, filtersLine, resultIcon, resultWord, verdictWord } from './status';
import { elapsedMs, formatDuration, oneLine } from './text';

export const SUMMARY_FILE = 'summary.md';

function header(report: RunReport): string[] {
  const wall = elapsedMs(report.startedAt, report.endedAt);
  const target = `${codeCell(report.target.baseUrl)}${report.target.embedded ? ' (embedded reference target)' : ''}`;
  return [
    '# paycert certification report',
    '',
    `**${verdictWord(report.verdict)}**: ${countsLine(report.counts)} (${report.counts.total} checks)`,
    '',
    '| | |',
    '|---|---|',
    `| Target | ${target} |`,
    `| Profile | ${markdownCell(report.profile)} |`,
    `| Harness version | ${markdownCell(report.harnessVersion)} |`,
    `| Started | ${markdownCell(report.startedAt)} |`,
    `| Ended | ${markdownCell(report.endedAt)}${wall === undefined ? '' : ` (${formatDuration(wall)})`} |`,
    `| Strict | ${report.strict ? 'yes: a SHOULD failure fails the run' : 'no: a SHOULD failure is a warning'} |`,
    `| Part of the suite | ${report.filters ? `yes, PARTIAL: ${codeCell(filtersLine(report.filters))}` : 'no: every check of the profile'} |`,
    ...identityRows(report),
  ];
}

function identityRows(report: RunReport): string[] {
  const id = report.identity;
  const rows: string[] = [];
  if (report.targets && report.targets.length > 1) rows.push(`| Targets (merged shards) | ${report.targets.map((t) => codeCell(t.baseUrl)).join(', ')} |`);
  if (id?.configPath) rows.push(`| Config | ${codeCell(id.configPath)} |`);
  if (id?.terminalId) rows.push(`| Terminal / key id | ${codeCell(id.terminalId)} / ${codeCell(id.keyId ?? '')} (KCV ${markdownCell(id.kcvMethod ?? '')}) |`);
  if (id?.configHash) rows.push(`| Config fingerprint (secrets removed) | ${codeCell(id.configHash)} |`);
  if (report.suiteHash) rows.push(`| Suite hash | ${codeCell(report.suiteHash)} |`);
  if (report.baseline) rows.push(`| Baseline | ${codeCell(report.baseline.file)} (${report.baseline.entries} entries) |`);
  return rows;
}

function checkTable(results: readonly CheckResult[]): string[] {
  const rows = byAttention(results).map(
    (r) =>
      `| ${resultIcon(r)} ${resultWord(r)} | ${codeCell(r.check.id)} | ${r.check.level} | ${markdownCell(r.check.title)} | ${markdownCell(r.check.ref.clause)} |`,
  );
  return ['## Checks', '', '| status | id | level | title | clause |', '|---|---|---|---|---|', ...rows];
}

function failureSection(title: string, results: readonly CheckResult[]): string[] {
  if (results.length === 0) return [];
  const blocks = results.flatMap((r) => [
    `### ${markdownCell(`[${r.check.id}] ${r.check.title}`)}`,
    '',
    ...(r.baseline ? [`${resultIcon(r)} ${markdownCell(baselineNote(r.baseline))}`, ''] : []),
    fenced(r.failure ? formatFailure(r.failure) : `${STATUS_WORD[r.status]}: no failure details were recorded`),
    '',
  ]);
  return [`## ${title}`, '', ...blocks];
}

/** Baseline entries that need a change: checks that now pass (fixed) and entries past their date (expired). */
function baselineSection(report: RunReport): string[] {
  const stale = report.checks.filter((r) => r.baseline?.state === 'fixed' || r.baseline?.state === 'expired');
  if (!report.baseline && stale.length === 0) return [];
  const file = report.baseline ? `${codeCell(report.baseline.file)}, ${report.baseline.entries} entries` : 'the run\'s baseline';
  const items = stale.map((r) => `- ${resultIcon(r)} ${resultWord(r)} ${codeCell(r.check.id)}: ${markdownCell(baselineNote(r.baseline!))}`);
  return ['## Baseline', '', `Expected failures: ${file}. ${report.counts.known ?? 0} known, ${report.counts.fixed ?? 0} fixed, ${report.counts.expired ?? 0} expired.`, '', ...items, ...(items.length ? [''] : [])];
}

function skippedSection(results: readonly CheckResult[]): string[] {
  if (results.length === 0) return [];
  const items = results.map((r) => `- ${codeCell(r.check.id)} ${markdownCell(r.check.title)}: ${markdownCell(oneLine(r.skipReason ?? 'no reason given'))}`);
  return ['## Skipped', '', ...items, ''];
}

/** The report as Markdown (the text of summary.md). */
export function summaryMarkdown(report: RunReport): string {
  // A failure or warning the baseline expects is listed apart: it does not fail the run.
  const known = (r: CheckResult) => r.baseline?.state === 'known';
  const having = (status: CheckResult['status']) => report.checks.filter((r) => r.status === status && !known(r));
  const coverage = report.coverage.length === 0 ? ['No coverage table was recorded for this run.'] : [coverageMarkdown(report.coverage)];
  return [
    ...header(report),
    '',
    ...checkTable(report.checks),
    '',
    ...failureSection('Failures', having('failed')),
    ...failureSection(report.strict ? 'Warnings (failing under --strict)' : 'Warnings', having('warning')),
    ...failureSection('Known failures (the baseline expects them; they do not fail the run)', report.checks.filter(known)),
    ...baselineSection(report),
    ...skippedSection(having('skipped')),
    '## Coverage',
    '',
    ...coverage,
    '',
  ].join('\n');
}

/** Writes `summary.md` into `dir` when the run ends. */
export class MarkdownReporter implements Reporter {
  /** Where the summary is written. */
  readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, SUMMARY_FILE);
  }

  onEnd(report: RunReport): void {
    writeReportFile(this.dir, SUMMARY_FILE, summaryMarkdown(report));
  }
}
