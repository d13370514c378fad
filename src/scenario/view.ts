/**
 * What a step's answer looks like to captures (`${name.path}`) and expectations (`fields`):
 * the decrypted plaintext (or a callback's fields) at the top level, and beside it `http` (status,
 * headers), `error` (the PROFILE 1.4 error object), `request` (what was sent), `envelope` (the raw
 * 200 body) and `callback` (the uri, scheme and host of an answer that is a callback URI).
 */
import type { Answer } from '../client/answer';
import type { WireRequest } from '../client/wire';

export interface AnswerView {
  readonly kind: 'answer';
  http: { status: number; headers: Record<string, string> };
  error?: unknown;
  request: { nonce?: string; timestamp?: string; terminal_id?: string; idempotency_key?: string; signature?: string; path: string };
  envelope?: unknown;
  plaintext?: unknown;
  /** A callback URI a target answered with, its scheme and host (its fields are the plaintext). */
  callback?: { uri: string; scheme: string; host: string };
}

const NAMESPACES = new Set(['http', 'error', 'request', 'envelope', 'callback']);

function headerOf(req: WireRequest, name: string): string | undefined {
  return req.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

export function viewOf(answer: Answer): AnswerView {
  const req = answer.wire.request;
  const view: AnswerView = {
    kind: 'answer',
    http: { status: answer.status, headers: answer.headers },
    request: { path: req.path },
  };
  const fields = { nonce: 'x-nonce', timestamp: 'x-timestamp', terminal_id: 'x-terminal-id', idempotency_key: 'idempotency-key', signature: 'x-signature' } as const;
  for (const [key, header] of Object.entries(fields)) {
    const value = headerOf(req, header);
    if (value !== undefined) view.request[key as keyof typeof fields] = value;
  }
  if (answer.error !== undefined) view.error = answer.error;
  else if (answer.json !== undefined && answer.status !== 200) view.error = (answer.json as { error?: unknown }).error;
  if (answer.status === 200 && answer.json !== undefined) view.envelope = answer.json;
  if (answer.plaintext !== undefined) view.plaintext = answer.plaintext;
  if (answer.callback !== undefined) view.callback = answer.callback;
  return view;
}

export function isView(value: unknown): value is AnswerView {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'answer';
}

/** Follows a dotted path through plain objects and arrays (numeric segments index arrays). */
export function dig(value: unknown, segments: readonly string[]): unknown {
  let at: unknown = value;
  for (const segment of segments) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[segment];
  }
  return at;
}

/** Resolves `path` in a view: a namespace (`http.status`, `error.code`...) or a plaintext field. */
export function resolveInView(view: AnswerView, path: string): unknown {
  const segments = path.split('.');
  if (NAMESPACES.has(segments[0]!)) {
    const [head, ...rest] = segments;
    const base = (view as unknown as Record<string, unknown>)[head!];
    // Header names are case-insensitive: look them up in lower case.
    if (head === 'http' && rest[0] === 'headers' && rest[1] !== undefined) return view.http.headers[rest.slice(1).join('.').toLowerCase()];
    return dig(base, rest);
  }
  return dig(view.plaintext, segments);
}
