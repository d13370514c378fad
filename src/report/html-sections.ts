/**
 * The parts of report.html around the check list: the verdict banner, the counts, the filter
 * bar, the run's metadata and the coverage table. Pure functions of the RunReport.
 */
import type { CheckResult, CheckStatus, RunReport } from '../core/types';
import { uncoveredClauses } from './coverage';
import { checkLink, el, escapeHtml } from './html-escape';
import { sectionOfCheck, tagKey } from './html-check';
import { countsLine, filtersLine, verdictWord } from './status';
import { byCodePoint, compareSections, elapsedMs, formatDuration, plural } from './text';

/** `1 entry`, `2 entries`. */
const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** Why the verdict is what it is, in one sentence. */
export function verdictReason(report: RunReport): string {
  const { counts, strict } = report;
  const reasons = [
    counts.failed > 0 ? `${plural(counts.failed, 'MUST check')} failed` : '',
    counts.expired ? `${entries(counts.expired)} of the baseline expired` : '',
    strict && counts.warning > 0 ? `${plural(counts.warning, 'SHOULD check')} warned (--strict)` : '',
    strict && counts.fixed ? `${plural(counts.fixed, 'baselined check')} now passed (--strict: update the baseline)` : '',
  ].filter(Boolean);
  if (report.verdict === 'not certified') return reasons.length > 0 ? reasons.join('; ') : 'the run did not hold';
  if (report.verdict === 'partial') return `only part of the suite ran (${filtersLine(report.filters) || 'filtered'}): what ran passed, the rest was not judged`;
  return strict ? 'every MUST and SHOULD check that ran passed' : 'no MUST check failed';
}

const VERDICT_CLASS: Record<RunReport['verdict'], string> = { certified: 'v-certified', partial: 'v-partial', 'not certified': 'v-not' };

/** The banner: CERTIFIED / PARTIAL / NOT CERTIFIED, why, and the counts in words. */
export function bannerHtml(report: RunReport): string {
  return `<section class="banner ${VERDICT_CLASS[report.verdict]}" id="verdict" role="status"><div class="word">${escapeHtml(verdictWord(report.verdict))}</div><div>${el('p', 'why', verdictReason(report))}${el('p', 'counts-line', `${countsLine(report.counts)} (${report.counts.total} checks)`)}</div></section>`;
}

/** The count cards; each status card is a button that filters the list to that status. */
export function countsHtml(report: RunReport): string {
  const { counts } = report;
  const card = (label: string, value: number, status: CheckStatus | '', extra = '') =>
    `<button type="button" class="count c-${status || 'all'}${extra}" data-set-status="${status}"><span class="n">${value}</span><span class="label">${escapeHtml(label)}</span></button>`;
  const baseline = [
    counts.known ? `<div class="count c-known"><span class="n">${counts.known}</span><span class="label">known</span></div>` : '',
    counts.fixed ? `<div class="count c-fixed"><span class="n">${counts.fixed}</span><span class="label">fixed</span></div>` : '',
    counts.expired ? `<div class="count c-expired"><span class="n">${counts.expired}</span><span class="label">expired</span></div>` : '',
  ].join('');
  return `<section class="counts" aria-label="counts">${card('checks', counts.total, '')}${card('passed', counts.passed, 'passed')}${card('failed', counts.failed, 'failed')}${card('warnings', counts.warning, 'warning')}${card('skipped', counts.skipped, 'skipped')}${baseline}</section>`;
}

function select(id: string, label: string, options: Array<[value: string, text: string]>): string {
  const items = [['', 'all'] as [string, string], ...options].map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`).join('');
  return `<label>${escapeHtml(label)} <select id="${id}">${items}</select></label>`;
}

function tally(results: readonly CheckResult[], keys: (r: CheckResult) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of results) for (const key of keys(r)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * The filter bar: status, level, PROFILE section, tag, baseline mark (when the run had a baseline)
 * and a search box. Hidden until the page's script runs, since without it the controls do nothing.
 */
export function filtersHtml(report: RunReport): string {
  const results = report.checks;
  const statuses = tally(results, (r) => [r.status]);
  const statusOptions = (['failed', 'warning', 'skipped', 'passed'] as const).map((s): [string, string] => [s, `${s} (${statuses.get(s) ?? 0})`]);
  const levels = tally(results, (r) => [r.check.level]);
  const levelOptions = [...levels].sort(([a], [b]) => byCodePoint(a, b)).map(([l, n]): [string, string] => [l, `${l} (${n})`]);
  const sections = tally(results, (r) => [sectionOfCheck(r)]);
  const sectionOptions = [...sections].sort(([a], [b]) => compareSections(a, b)).map(([s, n]): [string, string] => [s, `${s} (${n})`]);
  const tags = tally(results, (r) => [...new Set(r.check.tags.map(tagKey))]);
  const tagOptions = [...tags].sort(([a], [b]) => byCodePoint(a, b)).map(([t, n]): [string, string] => [t, `${t} (${n})`]);
  const marks = tally(results, (r) => (r.baseline ? [r.baseline.state] : []));
  const baseline = marks.size === 0 ? '' : select('f-baseline', 'Baseline', [...marks].sort(([a], [b]) => byCodePoint(a, b)).map(([m, n]) => [m, `${m} (${n})`]));
  return [
    '<div class="filters" id="filters" hidden><div class="row">',
    select('f-status', 'Status', statusOptions),
    select('f-level', 'Level', levelOptions),
    select('f-section', 'Section', sectionOptions),
    select('f-tag', 'Tag', tagOptions),
    baseline,
    '<label class="search">Search <input id="f-search" type="search" placeholder="id, title, clause, message" autocomplete="off"></label>',
    '</div><div class="row">',
    '<button type="button" id="f-reset">Reset filters</button>',
    '<button type="button" id="f-open">Open all shown</button>',
    '<button type="button" id="f-close">Close all</button>',
    `<p class="shown" id="shown" aria-live="polite">${results.length} of ${results.length} checks shown</p>`,
    '</div></div>',
  ].join('');
}

const metaRow = (name: string, valueHtml: string) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${valueHtml}</td></tr>`;
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** The run's metadata: target, profile, harness version, times, strict, filters, identity, suite hash, baseline. */
export function metadataHtml(report: RunReport): string {
  const wall = elapsedMs(report.startedAt, report.endedAt);
  const id = report.identity;
  const rows = [
    metaRow('Target', `${code(report.target.baseUrl)}${report.target.embedded ? ' (the embedded reference target)' : ''}`),
    metaRow('Profile', escapeHtml(report.profile)),
    metaRow('Harness version', escapeHtml(report.harnessVersion)),
    metaRow('Started', escapeHtml(report.startedAt)),
    metaRow('Ended', escapeHtml(`${report.endedAt}${wall === undefined ? '' : ` (${formatDuration(wall)})`}`)),
    metaRow('Strict', report.strict ? 'yes: a SHOULD failure fails the run' : 'no: a SHOULD failure is a warning'),
    metaRow('Part of the suite', report.filters ? `yes, PARTIAL: ${code(filtersLine(report.filters))}` : 'no: every check of the profile'),
  ];
  if (id?.configPath) rows.push(metaRow('Config', code(id.configPath)));
  if (id?.terminalId) rows.push(metaRow('Terminal id', code(id.terminalId)));
  if (id?.keyId) rows.push(metaRow('Key id', code(id.keyId)));
  if (id?.kcvMethod) rows.push(metaRow('KCV method', escapeHtml(id.kcvMethod)));
  if (id?.configHash) rows.push(metaRow('Config fingerprint (secrets removed)', code(id.configHash)));
  if (report.suiteHash) rows.push(metaRow('Suite hash', code(report.suiteHash)));
  if (report.baseline) rows.push(metaRow('Baseline', `${code(report.baseline.file)} (${entries(report.baseline.entries)})`));
  return `<section id="run">${el('h2', '', 'Run')}<table class="meta">${rows.join('')}</table></section>`;
}

/** The coverage table: each PROFILE clause with the checks that enforce it; uncovered MUST/SHOULD rows marked. */
export function coverageHtml(report: RunReport): string {
  if (report.coverage.length === 0) return `<section id="coverage">${el('h2', '', 'Coverage')}${el('p', 'muted', 'No coverage table was recorded for this run.')}</section>`;
  const uncovered = new Set(uncoveredClauses(report.coverage));
  const rows = report.coverage.map((row) => {
    const checks = uncovered.has(row)
      ? '<span class="bad">NOT COVERED</span>'
      : row.checks.length === 0
        ? '<span class="muted">-</span>'
        : row.checks.map(checkLink).join(', ');
    return `<tr${uncovered.has(row) ? ' class="uncovered"' : ''}><td><code>${escapeHtml(row.clause)}</code></td><td>${escapeHtml(row.section)}</td><td>${escapeHtml(row.level)}</td><td>${escapeHtml(row.text)}</td><td class="ids">${checks}</td></tr>`;
  });
  const verdict = uncovered.size === 0 ? el('p', 'good', 'Every MUST and SHOULD clause has at least one check.') : el('p', 'bad', `${uncovered.size} MUST/SHOULD clause(s) have no check.`);
  return [
    `<section id="coverage">${el('h2', '', 'Coverage')}${verdict}`,
    `<details class="coverage"><summary>${escapeHtml(`${report.coverage.length} PROFILE clauses and their checks`)}</summary>`,
    '<table class="grid"><thead><tr><th>clause</th><th>section</th><th>level</th><th>text</th><th>checks</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></details></section>`,
  ].join('');
}
