/**
 * A failure in report.html: the message and step, expected against actual, every step's exchange
 * (request and answer, decrypted), and the commands that replay it. It shows the same facts as
 * failure-format.ts's text, from the same typed value; everything it prints was redacted when it
 * was recorded and is escaped here.
 */
import { cutNote, toCurl, type Exchange } from '../client/exchange';
import type { Failure } from '../core/types';
import { escapeHtml, el } from './html-escape';
import { paycertCommand, REPLAY_NOTE } from './failure-format';
import { stableJson, truncate } from './text';

/** The path and query of a URL; the URL as given when it does not parse. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** A plaintext as JSON in the order it was sent (stableJson only where JSON.stringify cannot). */
function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? stableJson(value);
  } catch {
    return stableJson(value);
  }
}

const pre = (className: string, text: string) => el('pre', className, truncate(text));

/** The decrypted plaintext when there is one (the bytes on the wire folded away), else the body. */
function payload(plaintext: unknown, body: string): string {
  if (plaintext === undefined) return body === '' ? el('p', 'muted', '(empty body)') : `${el('h5', '', 'Body')}${pre('body', body)}`;
  const wire = body === '' ? '' : `<details class="wire"><summary>Body as sent on the wire</summary>${pre('body', body)}</details>`;
  return `${el('h5', '', 'Plaintext (decrypted)')}${pre('plaintext', json(plaintext))}${wire}`;
}

function requestHtml(exchange: Exchange): string {
  const { method, url, headers, body, plaintext } = exchange.request;
  const head = [`${method} ${pathOf(url)}`, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\n');
  return `<div class="half">${el('h4', '', 'Request')}${pre('head', head)}${payload(plaintext, body)}</div>`;
}

function responseHtml(exchange: Exchange): string {
  const { response, transportError } = exchange;
  if (!response) return `<div class="half">${el('h4', '', 'Answer')}${el('p', 'bad', `no answer: ${transportError ?? 'unknown transport error'}`)}</div>`;
  const after = exchange.durationMs > 0 ? ` after ${Math.max(1, Math.round(exchange.durationMs))} ms` : '';
  const head = [`status ${response.status}${after}`, ...Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`)].join('\n');
  // The client keeps at most a bounded body; say so, or a reader takes the cut for the answer.
  const note = cutNote(response);
  const cut = note ? el('p', 'muted', `(${note})`) : '';
  return `<div class="half">${el('h4', '', 'Answer')}${pre('head', head)}${payload(response.plaintext, response.body)}${cut}</div>`;
}

/** One request and its answer side by side. */
export function exchangeHtml(exchange: Exchange): string {
  return `<div class="pair">${requestHtml(exchange)}${responseHtml(exchange)}</div>`;
}

/** A step of the failed scenario: its name, and its exchange when one was recorded. */
export interface StepView {
  label: string;
  exchange?: Exchange;
  /** A repeated step: how many times it was sent. */
  repeats?: number;
}

const isExchange = (value: unknown): value is Exchange =>
  typeof value === 'object' && value !== null && typeof (value as { request?: { method?: unknown } }).request?.method === 'string';

/** `Step 2` before a name that does not already say which step it is (`step 2 (refund as r)` does). */
function stepLabel(index: number, name: string | undefined): string {
  const number = `Step ${index + 1}`;
  if (name === undefined) return number;
  return /^step\b/i.test(name) ? name : `${number}: ${name}`;
}

/**
 * The steps a failure recorded. The list is read structurally (`{ step | name | title, exchange?,
 * repeats? }` records, or plain exchanges), so a report written by another harness version, with
 * or without steps, still renders; anything else in the list is left out.
 */
export function stepsOf(failure: Failure): StepView[] {
  const raw = (failure as { steps?: unknown }).steps;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown, index): StepView[] => {
    if (isExchange(item)) return [{ label: stepLabel(index, undefined), exchange: item }];
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const name = [record.step, record.name, record.title, record.label].find((v): v is string => typeof v === 'string' && v !== '');
    const exchange = isExchange(record.exchange) ? record.exchange : undefined;
    if (name === undefined && exchange === undefined) return [];
    const view: StepView = { label: stepLabel(index, name) };
    if (exchange) view.exchange = exchange;
    if (typeof record.repeats === 'number') view.repeats = record.repeats;
    return [view];
  });
}

function stepHtml(step: StepView, open: boolean): string {
  const { exchange } = step;
  const what = exchange ? `${exchange.request.method} ${pathOf(exchange.request.url)}: ${exchange.response ? `status ${exchange.response.status}` : 'no answer'}` : 'nothing sent was recorded';
  const repeats = step.repeats === undefined ? '' : `, sent ${step.repeats} times`;
  const summary = `<summary>${escapeHtml(`${step.label} (${what}${repeats})`)}</summary>`;
  if (!exchange) return `<li><details class="step"${open ? ' open' : ''}>${summary}${el('p', 'muted', 'No request was recorded for this step.')}</details></li>`;
  return `<li><details class="step"${open ? ' open' : ''}>${summary}${exchangeHtml(exchange)}${el('pre', 'cmd', toCurl(exchange))}</details></li>`;
}

function stepsHtml(steps: readonly StepView[]): string {
  // The last step is where the scenario stopped: open; earlier ones fold away.
  const items = steps.map((step, index) => stepHtml(step, index === steps.length - 1));
  return `<section class="steps">${el('h4', '', `Steps (${steps.length})`)}<ol>${items.join('')}</ol></section>`;
}

/** The commands that run the failure again: `paycert run --check ...` and the failing request as curl. */
export function replayCommands(failure: Failure): { commands: string[]; note?: string } {
  const commands = failure.replay?.byRun === false ? [] : [paycertCommand(failure)];
  const given = failure.replay?.command;
  if (given !== undefined && given !== '' && !commands.includes(given)) commands.push(given);
  if (!failure.exchange) return { commands };
  commands.push(toCurl(failure.exchange));
  // Only a signed request (POS) carries a nonce that makes its replay a replay.
  const signed = failure.exchange.request.headers.some(([name]) => name.toLowerCase() === 'x-nonce');
  return signed ? { commands, note: REPLAY_NOTE } : { commands };
}

function replayHtml(failure: Failure): string {
  const { commands, note } = replayCommands(failure);
  const lines = commands.map((command) => el('pre', 'cmd', command)).join('');
  return `<section class="replay">${el('h4', '', 'Replay')}${lines}${note ? el('p', 'muted', `note: ${note}`) : ''}</section>`;
}

function versusHtml(failure: Failure): string {
  if (failure.expected === undefined && failure.actual === undefined) return '';
  const side = (title: string, value: unknown) =>
    `<div class="half">${el('h4', '', title)}${value === undefined ? el('p', 'muted', '(not recorded)') : pre('json', stableJson(value))}</div>`;
  return `<div class="pair versus">${side('Expected', failure.expected)}${side('Actual', failure.actual)}</div>`;
}

/**
 * The whole failure as HTML: message and step, expected against actual, the step sequence (or
 * the one exchange), and the replay commands. The failing exchange is shown on its own only when
 * the step list does not already end with it.
 */
export function failureHtml(failure: Failure): string {
  const steps = stepsOf(failure);
  const last = steps[steps.length - 1]?.exchange;
  const lone = failure.exchange !== undefined && (last === undefined || stableJson(last) !== stableJson(failure.exchange));
  return [
    `<div class="failure">`,
    el('p', 'message', failure.message),
    failure.step === undefined ? '' : `<p class="muted">at step: ${escapeHtml(failure.step)}</p>`,
    versusHtml(failure),
    steps.length > 0 ? stepsHtml(steps) : '',
    lone && failure.exchange ? `<section>${el('h4', '', steps.length > 0 ? 'The failing exchange' : 'Exchange')}${exchangeHtml(failure.exchange)}</section>` : '',
    replayHtml(failure),
    `</div>`,
  ].join('');
}
