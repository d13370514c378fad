/**
 * One request and its answer as reports show them: redacted (no secret, no full PAN, no PIN
 * block), replayable with the curl command `toCurl` writes, and bounded: an answer's body keeps
 * its first EVIDENCE_BODY_BYTES and says how large it was, so a report grows with the number of
 * checks, not with what a target sends.
 */
import { redactBody, redactText, redactValue } from './redact';
import { describeBytes, requestTarget, type WireRequest, type WireResponse } from './wire';

/** How much of an answer's body an exchange keeps (the start; its size is said). */
export const EVIDENCE_BODY_BYTES = 16 * 1024;

export interface Exchange {
  request: {
    method: string;
    url: string;
    headers: Array<[string, string]>;
    /** The body as sent (redacted if it carried card data in clear); its start when `bytes` is set. */
    body: string;
    /** The body's size in bytes when `body` shows only its first EVIDENCE_BODY_BYTES (a body-size probe sends megabytes). */
    bytes?: number;
    /** The plaintext the envelope carried, redacted. */
    plaintext?: unknown;
  };
  response?: {
    status: number;
    headers: Record<string, string>;
    body: string;
    /** True when `body` is only the start of the answer (see `bytes` and `overBudget`). */
    truncated: boolean;
    /** The answer's body size in bytes as read, when `body` shows only its start. */
    bytes?: number;
    /** The answer was larger than the answer budget: reading stopped there (`bytes` is what was read, or what it announced). */
    overBudget?: boolean;
    /** The answer budget it was cut at, bytes. */
    budget?: number;
    /** The decrypted answer, redacted. */
    plaintext?: unknown;
  };
  /** Why there is no response (connection refused, timeout, ...). */
  transportError?: string;
  durationMs: number;
}

/** Bearer tokens are secrets: an exchange keeps the scheme, never the token. */
function redactHeaders(headers: Array<[string, string]>): Array<[string, string]> {
  return headers.map(([name, value]) => (name.toLowerCase() === 'authorization' ? [name, value.replace(/^(\S+\s+).+$/, '$1[redacted]')] : [name, value]));
}

export function recordExchange(baseUrl: string, wire: WireRequest, res?: WireResponse, plaintext?: unknown): Exchange {
  const exchange: Exchange = {
    request: { method: wire.method, url: baseUrl + requestTarget(wire), headers: redactHeaders(wire.headers), ...keptBody(wire.body) },
    durationMs: res?.durationMs ?? 0,
  };
  if (wire.plaintext !== undefined) exchange.request.plaintext = redactValue(wire.plaintext);
  if (res) {
    exchange.response = { status: res.status, headers: res.headers, ...shownBody(res.body, res) };
    if (plaintext !== undefined) exchange.response.plaintext = redactValue(plaintext);
  }
  return exchange;
}

/**
 * A body (sent or answered) as an exchange keeps it: whole up to EVIDENCE_BODY_BYTES (redacted field
 * by field when it is JSON), else its start (masked as text: cut JSON does not parse) and its size.
 */
function keptBody(body: Buffer): Pick<Exchange['request'], 'body' | 'bytes'> {
  if (body.length <= EVIDENCE_BODY_BYTES) return { body: redactBody(body) };
  return { body: redactText(body.subarray(0, EVIDENCE_BODY_BYTES).toString('utf8')), bytes: body.length };
}

type ShownBody = Pick<NonNullable<Exchange['response']>, 'body' | 'truncated' | 'bytes' | 'overBudget' | 'budget'>;

/**
 * An answer's body as an exchange keeps it: whole (redacted field by field when it is JSON) up to
 * EVIDENCE_BODY_BYTES, else its start (masked as text: cut JSON does not parse) with its size.
 * `cut`: what the transport said of the answer (cut at the answer budget, the size it announced).
 */
function shownBody(body: Buffer, cut: Pick<WireResponse, 'truncated' | 'budget' | 'announcedBytes'>): ShownBody {
  const overBudget = cut.truncated ? { overBudget: true, budget: cut.budget ?? body.length, bytes: cut.announcedBytes ?? body.length } : {};
  const kept = keptBody(body);
  return { ...kept, truncated: cut.truncated || kept.bytes !== undefined, ...overBudget };
}

/** What was cut of an answer's body, for a reader ("10485760 bytes, first 16 KiB shown"); null when it is whole. */
export function cutNote(response: NonNullable<Exchange['response']>): string | null {
  if (!response.truncated) return null;
  if (response.bytes === undefined) return 'the client kept only the start of this body';
  const shown = `first ${describeBytes(Math.min(Buffer.byteLength(response.body), EVIDENCE_BODY_BYTES))} shown`;
  if (!response.overBudget) return `${response.bytes} bytes, ${shown}`;
  const budget = describeBytes(response.budget ?? response.bytes);
  return response.bytes > (response.budget ?? response.bytes) ? `${response.bytes} bytes announced, larger than the answer budget (${budget}): truncated; ${shown}` : `answer larger than ${budget} (the answer budget): truncated; ${shown}`;
}

/**
 * A plain JSON request (the state hook) and its answer, recorded like a signed one so that a
 * failure's step sequence shows it too.
 */
export function recordPlainExchange(url: string, json: unknown, answer: { status: number; headers: Record<string, string>; body: string } & Partial<Pick<WireResponse, 'truncated' | 'budget' | 'announcedBytes'>> | { transportError: string }, durationMs: number): Exchange {
  const exchange: Exchange = {
    request: { method: 'POST', url, headers: [['Content-Type', 'application/json']], body: redactBody(Buffer.from(JSON.stringify(json))) },
    durationMs,
  };
  if ('transportError' in answer) exchange.transportError = answer.transportError;
  else exchange.response = { status: answer.status, headers: answer.headers, ...shownBody(Buffer.from(answer.body), { ...answer, truncated: answer.truncated ?? false }) };
  return exchange;
}

/**
 * One shell word holding exactly `text`, whatever it holds: single quotes, or, when it holds a
 * control character (a CR or LF a hostile method or header carried), bash's $'...' with each
 * escaped, so a curl line stays one line and no text of it can end the word or the command.
 */
export function shellQuote(text: string): string {
  if (!/[\u0000-\u001f\u007f]/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  const escaped = text.replace(/[\\'\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `$'${escaped}'`;
}

/**
 * A curl command that sends the same bytes again. A replay reuses the nonce and timestamp, so a
 * conformant target refuses it as a replay (or as stale): re-sign to send it as new.
 */
export function toCurl(exchange: Exchange): string {
  const { method, url, headers, body } = exchange.request;
  // A usual method stays bare (-X POST); anything else is one quoted word (a raw method may hold anything).
  const parts = ['curl', '-sS', '-i', '-X', /^[A-Za-z0-9_-]+$/.test(method) ? method : shellQuote(method), shellQuote(url)];
  for (const [name, value] of headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (body !== '') parts.push('--data-binary', shellQuote(body));
  const cut = exchange.request.bytes === undefined ? '' : ` # the body sent was ${exchange.request.bytes} bytes; this is its first ${describeBytes(EVIDENCE_BODY_BYTES)}; the check's paycert run line sends it whole`;
  return parts.join(' ') + cut;
}
