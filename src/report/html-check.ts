/**
 * One check in report.html: a `<details>` entry whose summary line gives status, level, id,
 * title, baseline mark and duration, and whose body gives the PROFILE clause it enforces (id,
 * section, level and text), the seed file, tags, needs, where it is defined, the skip reason, and
 * for a failure or warning the whole failure (html-failure.ts). The data attributes are what the
 * page's filters and search read.
 */
import type { CheckResult } from '../core/types';
import { clauseById } from '../profiles';
import { checkAnchor, el, escapeHtml } from './html-escape';
import { failureHtml } from './html-failure';
import { STATUS_WORD } from './status';
import { formatDuration, sectionOf } from './text';

/** The section a check belongs to: its clause's, or the part of the clause id before the `/`. */
export function sectionOfCheck(result: CheckResult): string {
  return clauseById(result.check.ref.clause)?.section ?? sectionOf(result.check.ref.clause);
}

/** A tag as the filter reads it: tags are space-separated in `data-tags`, so spaces cannot be in one. */
export const tagKey = (tag: string) => tag.replace(/\s+/g, '_');

/** The text the search box looks in, lower-cased once here rather than on every key press. */
function searchText(result: CheckResult): string {
  const { check, failure, baseline } = result;
  const clause = clauseById(check.ref.clause);
  return [
    check.id,
    check.title,
    check.ref.clause,
    clause?.text,
    check.ref.seed,
    ...check.tags,
    failure?.message,
    failure?.step,
    result.skipReason,
    baseline?.reason,
    baseline?.ticket,
  ]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join('\n')
    .toLowerCase();
}

/**
 * A status or baseline state as a class name or data value. They are typed words, but a report
 * read back from a file (`paycert merge`) is only as typed as that file: anything else becomes
 * `other` rather than reaching an attribute.
 */
const token = (word: string) => (/^[a-z]+$/.test(String(word)) ? word : word === '' ? '' : 'other');

const row = (name: string, valueHtml: string) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${valueHtml}</td></tr>`;

function factsHtml(result: CheckResult): string {
  const { check, baseline } = result;
  const clause = clauseById(check.ref.clause);
  const clauseCell = clause
    ? `<code>${escapeHtml(clause.id)}</code> (section ${escapeHtml(clause.section)}, ${clause.level})<blockquote>${escapeHtml(clause.text)}</blockquote>`
    : `<code>${escapeHtml(check.ref.clause)}</code> <span class="bad">(not a clause of this harness's PROFILE)</span>`;
  const rows = [
    row('PROFILE clause', clauseCell),
    row('Seed', `<code>${escapeHtml(check.ref.seed)}</code>`),
    row('Level', escapeHtml(check.level)),
    row('Duration', escapeHtml(formatDuration(result.durationMs))),
  ];
  if (check.tags.length > 0) rows.push(row('Tags', check.tags.map((t) => el('span', 'tag', t)).join(' ')));
  if (check.needs.length > 0) rows.push(row('Needs', escapeHtml(check.needs.join(', '))));
  if (check.source) rows.push(row('Defined in', `<code>${escapeHtml(`${check.source.file}:${check.source.line}`)}</code>`));
  if (result.skipReason !== undefined) rows.push(row('Skipped because', escapeHtml(result.skipReason)));
  if (baseline) {
    const about = [baseline.reason, baseline.ticket ? `ticket ${baseline.ticket}` : '', baseline.expires ? `expires ${baseline.expires}` : ''].filter(Boolean).join('; ');
    rows.push(row('Baseline', `${el('span', `mark mark-${token(baseline.state)}`, String(baseline.state))} ${escapeHtml(about)}`));
  }
  return `<table class="facts">${rows.join('')}</table>`;
}

/** What a baseline state means, for the mark's tooltip. */
const BASELINE_MEANING: Record<string, string | undefined> = {
  known: 'known failure: listed in the baseline, not held against the run',
  fixed: 'fixed: listed in the baseline but passed; take it out of the baseline (fails the run with --strict)',
  expired: 'expired: the baseline entry is past its date, so the run fails',
};

function summaryHtml(result: CheckResult): string {
  const { check, baseline } = result;
  const meaning = baseline ? (BASELINE_MEANING[baseline.state] ?? String(baseline.state)) : '';
  const mark = baseline ? `<span class="mark mark-${token(baseline.state)}" title="${escapeHtml(meaning)}">${escapeHtml(String(baseline.state))}</span>` : '';
  return [
    '<summary>',
    el('span', `status st-${token(result.status)}`, STATUS_WORD[result.status] ?? String(result.status)),
    el('span', `level lv-${check.level}`, check.level),
    el('code', 'id', check.id),
    el('span', 'title', check.title),
    mark,
    el('span', 'dur', formatDuration(result.durationMs)),
    '</summary>',
  ].join('');
}

/** A check's entry in the list: summary line, facts, skip reason, failure. */
export function checkHtml(result: CheckResult): string {
  const { check } = result;
  const data = [
    `data-status="${token(result.status)}"`,
    `data-level="${escapeHtml(check.level)}"`,
    `data-section="${escapeHtml(sectionOfCheck(result))}"`,
    `data-tags="${escapeHtml(check.tags.map(tagKey).join(' '))}"`,
    `data-baseline="${token(result.baseline?.state ?? '')}"`,
    `data-search="${escapeHtml(searchText(result))}"`,
  ].join(' ');
  const unexplained = result.status === 'failed' || result.status === 'warning' ? el('p', 'muted', 'No failure details were recorded.') : '';
  const failure = result.failure ? failureHtml(result.failure) : unexplained;
  return `<details class="check" id="${checkAnchor(check.id)}" ${data}>${summaryHtml(result)}<div class="body">${factsHtml(result)}${failure}</div></details>`;
}
