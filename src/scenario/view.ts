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
  /** What was sent: its path, and the request headers the profile names (`requestFields`: `${name.request.nonce}`). */
  request: { path: string; [field: string]: string | undefined };
  envelope?: unknown;
  plaintext?: unknown;
  /** A callback URI a target answered with, its scheme and host (its fields are the plaintext). */
  callback?: { uri: string; scheme: string; host: string };
}

const NAMESPACES = new Set(['http', 'error', 'request', 'envelope', 'callback']);

function headerOf(req: WireRequest, name: string): string | undefined {
  return req.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** The view of an answer; `requestFields` maps a field of `request` to the request header it reads (the profile's). */
export function viewOf(answer: Answer, requestFields: Readonly<Record<string, string>> = {}): AnswerView {
  const req = answer.wire.request;
  const view: AnswerView = {
    kind: 'answer',
    http: { status: answer.status, headers: answer.headers },
    request: { path: req.path },
  };
  for (const [key, header] of Object.entries(requestFields)) {
    const value = headerOf(req, header.toLowerCase());
    if (value !== undefined) view.request[key] = value;
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
