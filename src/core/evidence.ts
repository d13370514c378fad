/**
 * Bounded evidence (issue 14 item 2): what one check's result may keep, so report files grow with
 * the number of checks, never with what a target sends. Applied to every result after redaction
 * (engine/one-check.ts), so a cut never leaves half a secret: the text was masked whole first.
 * Everything cut says what it was: its size, and how much is shown.
 */
import { EVIDENCE_BODY_BYTES, type Exchange } from '../client/exchange';
import type { CheckResult, Failure, StepRecord } from './types';

/** A failure's one-line message: a reason, not a dump of an answer. */
export const MESSAGE_CHARS = 8 * 1024;
/** `expected` and `actual`, as JSON. */
export const VALUE_CHARS = 16 * 1024;
/** Any other text of an exchange (a header value, a transport error). */
export const FIELD_CHARS = 4 * 1024;
/** Steps of a failure's sequence kept: the first ones and the last ones (the failing step is last). */
export const MAX_STEPS = 12;
const FIRST_STEPS = 2;

/** `text`, or its first `limit` characters and what was left out. */
export function cutText(text: string, limit: number, what = 'characters'): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}... (${text.length} ${what}, first ${limit} shown)`;
}

/** A value as it stays: itself when its JSON is small, else the start of its JSON as text, saying so. */
export function boundValue(value: unknown, limit = VALUE_CHARS): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? cutText(value, limit) : value;
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  return json.length <= limit ? value : cutText(json, limit, 'characters of JSON');
}

function boundHeaders<T extends Record<string, string> | Array<[string, string]>>(headers: T): T {
  if (Array.isArray(headers)) return headers.map(([name, value]) => [cutText(name, FIELD_CHARS), cutText(value, FIELD_CHARS)]) as T;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [cutText(name, FIELD_CHARS), cutText(String(value), FIELD_CHARS)])) as T;
}

/** An exchange within its bounds: an answer's body is cut at EVIDENCE_BODY_BYTES (characters here) with its size said. */
export function boundExchange(exchange: Exchange): Exchange {
  const bounded: Exchange = { ...exchange, request: { ...exchange.request, url: cutText(exchange.request.url, FIELD_CHARS), headers: boundHeaders(exchange.request.headers) } };
  if (exchange.request.plaintext !== undefined) bounded.request.plaintext = boundValue(exchange.request.plaintext);
  if (exchange.transportError !== undefined) bounded.transportError = cutText(exchange.transportError, FIELD_CHARS);
  const response = exchange.response;
  if (response) {
    bounded.response = { ...response, headers: boundHeaders(response.headers) };
    if (response.body.length > EVIDENCE_BODY_BYTES) {
      Object.assign(bounded.response, { body: response.body.slice(0, EVIDENCE_BODY_BYTES), truncated: true, bytes: response.bytes ?? Buffer.byteLength(response.body) });
    }
    if (response.plaintext !== undefined) bounded.response.plaintext = boundValue(response.plaintext);
  }
  return bounded;
}

function boundStep(step: StepRecord): StepRecord {
  return { ...step, step: cutText(step.step, FIELD_CHARS), ...(step.exchange && { exchange: boundExchange(step.exchange) }) };
}

/** A step sequence of at most MAX_STEPS records: the first few, a record saying how many are left out, and the last ones. */
export function boundSteps(steps: readonly StepRecord[]): StepRecord[] {
  if (steps.length <= MAX_STEPS) return steps.map(boundStep);
  const last = MAX_STEPS - FIRST_STEPS - 1;
  const left = steps.length - FIRST_STEPS - last;
  return [...steps.slice(0, FIRST_STEPS).map(boundStep), { step: `... ${left} steps not shown (${steps.length} in all)` }, ...steps.slice(-last).map(boundStep)];
}

function boundFailure(failure: Failure): Failure {
  const bounded: Failure = { ...failure, message: cutText(failure.message, MESSAGE_CHARS) };
  if (failure.step !== undefined) bounded.step = cutText(failure.step, FIELD_CHARS);
  if (failure.expected !== undefined) bounded.expected = boundValue(failure.expected);
  if (failure.actual !== undefined) bounded.actual = boundValue(failure.actual);
  if (failure.exchange) bounded.exchange = boundExchange(failure.exchange);
  if (failure.steps) bounded.steps = boundSteps(failure.steps);
  return bounded;
}

/** `result` with its evidence within the bounds above (a result without a failure is returned as it is). */
export function boundResult(result: CheckResult): CheckResult {
  if (!result.failure && result.skipReason === undefined) return result;
  const bounded: CheckResult = { ...result };
  if (result.failure) bounded.failure = boundFailure(result.failure);
  if (result.skipReason !== undefined) bounded.skipReason = cutText(result.skipReason, MESSAGE_CHARS);
  return bounded;
}
