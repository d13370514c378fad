/**
 * A failure as a reader needs it: what was checked, what was sent, what came back, what was
 * expected, and how to run it again. Modelled on fast-check's RunDetailsFormatter: a pure
 * function of the typed value, so every reporter shows the same text.
 *
 * It prints only what the Failure holds. The exchange was redacted when it was recorded
 * (client/exchange.ts), so nothing here looks up configuration or credentials.
 */
import { cutNote, toCurl, type Exchange } from '../client/exchange';
import type { Failure, StepRecord } from '../core/types';
import { paint, type Paint } from './ansi';
import { stableJson, truncate, visible } from './text';

export interface FormatOptions {
  /** ANSI colours for headings (default off: files and CI logs get plain text). */
  color?: boolean;
}

/** Why the curl replay is not a new request: the note every replay carries. */
export const REPLAY_NOTE =
  'the replay reuses the nonce and timestamp, so a conformant target refuses it as a replay (or as stale); re-sign to send it as new';

const INDENT = '  ';
const indent = (text: string, by = INDENT) =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');

/** The path and query of a URL; the URL as given when it does not parse. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** A plaintext is shown as JSON in the order it was sent; a body as the text it was. */
function payload(plaintext: unknown, body: string, label: string): string[] {
  if (plaintext !== undefined) {
    // JSON.stringify keeps the sent key order; stableJson only as the fallback it never throws in.
    let text: string;
    try {
      text = JSON.stringify(plaintext, null, 2) ?? stableJson(plaintext);
    } catch {
      text = stableJson(plaintext);
    }
    return [`${label} plaintext (decrypted):`, indent(visible(truncate(text)))];
  }
  if (body === '') return [`${label} body: (empty)`];
  return [`${label} body:`, indent(visible(truncate(body)))];
}

function requestLines(exchange: Exchange, p: Paint): string[] {
  const { method, url, headers, body, plaintext } = exchange.request;
  const lines = [p.bold('Sent'), `${INDENT}${method} ${visible(pathOf(url))}`];
  for (const [name, value] of headers) lines.push(`${INDENT}${visible(name)}: ${visible(value)}`);
  lines.push(...payload(plaintext, body, 'request').map((l) => indent(l)));
  return lines;
}

function responseLines(exchange: Exchange, p: Paint): string[] {
  const { response, transportError } = exchange;
  if (!response) {
    return [p.bold('Received'), `${INDENT}no response: ${visible(transportError ?? 'unknown transport error')}`];
  }
  const lines = [p.bold('Received'), `${INDENT}status ${response.status}${exchange.durationMs > 0 ? ` after ${Math.max(1, Math.round(exchange.durationMs))} ms` : ''}`];
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${INDENT}${visible(name)}: ${visible(value)}`);
  lines.push(...payload(response.plaintext, response.body, 'response').map((l) => indent(l)));
  // The client keeps at most a bounded body; say so, or a reader takes the cut for the answer.
  const cut = cutNote(response);
  if (cut) lines.push(`${INDENT}(${cut})`);
  return lines;
}

/** A shell word: quoted only when it needs to be. */
const shellWord = (word: string) => (/^[A-Za-z0-9._\/:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * `paycert run` with the options that name the run's target (`--config F` or `--target URL`,
 * `--profile P`; none for the embedded target), `--check <id>`, and `--seed`, `--path` and
 * `--replay-path` when the failure came from a property: pasted, it runs the check again against
 * the same target.
 */
export function paycertCommand(failure: Failure): string {
  const replay = failure.replay ?? {};
  const parts = ['paycert', 'run', ...(replay.target ?? []).map(shellWord), '--check', shellWord(failure.checkId)];
  // `--seed=S`, not `--seed S`: a negative seed would read as an option.
  if (replay.seed !== undefined) parts.push(`--seed=${replay.seed}`);
  if (replay.path !== undefined) parts.push(`--path=${shellWord(replay.path)}`);
  if (replay.replayPath !== undefined) parts.push(`--replay-path=${shellWord(replay.replayPath)}`);
  return parts.join(' ');
}

/** The exchanges to show as curl lines: every step's, in order, or the failing one alone. */
function curlSteps(failure: Failure): Array<{ label?: string; exchange: Exchange; repeats?: number }> {
  const steps = failure.steps?.filter((s): s is StepRecord & { exchange: Exchange } => s.exchange !== undefined) ?? [];
  if (steps.length > 1) return steps.map((s) => ({ label: s.step, exchange: s.exchange, ...(s.repeats !== undefined && { repeats: s.repeats }) }));
  return failure.exchange ? [{ exchange: failure.exchange }] : [];
}

function replayLines(failure: Failure, p: Paint): string[] {
  const lines = [p.bold('Replay')];
  const shown = curlSteps(failure);
  for (const { label, exchange, repeats } of shown) {
    if (label !== undefined) lines.push(`${INDENT}# ${visible(label)}${repeats !== undefined ? `: sent ${repeats} times` : ''}`);
    // The curl line is the exact request the harness built, so it is printed byte for byte.
    lines.push(`${INDENT}${toCurl(exchange)}`);
  }
  // Only a signed request (POS) carries a nonce that makes its replay a replay.
  if (shown.some(({ exchange }) => exchange.request.headers.some(([name]) => name.toLowerCase() === 'x-nonce'))) lines.push(`${INDENT}# note: ${REPLAY_NOTE}`);
  if (failure.replay?.byRun !== false) lines.push(`${INDENT}${paycertCommand(failure)}`);
  // A command of another kind (`paycert pact verify ...`); a check's own `paycert run` is the line above.
  const given = failure.replay?.command;
  if (given !== undefined && given !== '' && !given.startsWith('paycert run ')) lines.push(`${INDENT}${visible(given)}`);
  return lines;
}

/** At most `limit` characters of JSON (or text) on one line, for the steps before the failing one. */
function compact(plaintext: unknown, body: string, limit = 300): string {
  let text = body;
  if (plaintext !== undefined) {
    try {
      text = JSON.stringify(plaintext) ?? stableJson(plaintext, 0);
    } catch {
      text = stableJson(plaintext, 0);
    }
  }
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return visible(flat.length > limit ? `${flat.slice(0, limit)}... (${flat.length - limit} more characters)` : flat);
}

/** The steps before the failing one, a few lines each: what was sent, what came back. */
function earlierStepLines(failure: Failure, p: Paint): string[] {
  const earlier = failure.steps?.slice(0, -1) ?? [];
  if (earlier.length === 0) return [];
  const lines = [p.bold(`Steps before the failing one (${earlier.length})`)];
  for (const { step, exchange, repeats } of earlier) {
    if (!exchange) {
      lines.push(`${INDENT}${visible(step)}: nothing sent`);
      continue;
    }
    const { method, url, body, plaintext } = exchange.request;
    const answer = exchange.response ? `status ${exchange.response.status}` : `no response: ${exchange.transportError ?? 'unknown transport error'}`;
    lines.push(`${INDENT}${visible(step)}: ${method} ${visible(pathOf(url))}${repeats !== undefined ? ` (x${repeats})` : ''} -> ${visible(answer)}`);
    if (plaintext !== undefined || body !== '') lines.push(`${INDENT}${INDENT}sent: ${compact(plaintext, body)}`);
    if (exchange.response && (exchange.response.plaintext !== undefined || exchange.response.body !== '')) lines.push(`${INDENT}${INDENT}got:  ${compact(exchange.response.plaintext, exchange.response.body)}`);
  }
  return lines;
}

/**
 * The whole story of one failure as text: check id, title, level, message and step; expected and
 * actual as JSON with sorted keys; the steps before the failing one, compact (request and answer,
 * one line each); the failing request (method, path, every header, the decrypted plaintext or
 * else the body) and its answer (status, headers, plaintext or body, cut to about 2 KB) or the
 * transport error; and the curl line of every step and the `paycert run` command that replay it.
 */
export function formatFailure(failure: Failure, options: FormatOptions = {}): string {
  const p = paint(options.color === true);
  const mark = failure.level === 'MUST' ? p.red : p.yellow;
  const lines = [
    mark(p.bold(`${failure.level} [${visible(failure.checkId)}] ${visible(failure.title)}`)),
    indent(visible(failure.message)),
  ];
  if (failure.step !== undefined) lines.push(indent(`step: ${visible(failure.step)}`));
  // Each only when the failure has it: "undefined" printed as an expectation reads as one.
  if (failure.expected !== undefined) lines.push(p.bold('Expected'), indent(visible(stableJson(failure.expected))));
  if (failure.actual !== undefined) lines.push(p.bold('Actual'), indent(visible(stableJson(failure.actual))));
  lines.push(...earlierStepLines(failure, p));
  if (failure.exchange) lines.push(...requestLines(failure.exchange, p), ...responseLines(failure.exchange, p));
  lines.push(...replayLines(failure, p));
  return lines.join('\n');
}
