/**
 * Builds the exact bytes of a signed request (pure apart from the random IV and nonce): device
 * headers, signature headers and the envelope, then whatever RequestBreaks asks to break.
 */
import { randomBytes } from 'node:crypto';
import type { CanonicalParts } from '../crypto/canonical';
import { sign } from '../crypto/signature';
import { CLIENT_TYPE, HEADER, SIGNATURE_PREFIX } from '../profile/pos';
import { formatRfc3339Millis, formatRfc3339Offset, formatRfc3339Seconds } from '../profile/rfc3339';
import type { RequestBreaks } from './breaks';
import type { PosCredentials } from './credentials';
import { buildEnvelope, writeJson } from './envelope-breaks';
import type { WireRequest } from './wire';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh nonce: 24 random letters and digits (PROFILE 1.2 asks 12 or more). */
export function newNonce(length = 24): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

export interface RequestSpec {
  method: string;
  path: string;
  query?: string;
  /** JSON plaintext to encrypt; absent for cancel/reverse (empty body). */
  plaintext?: unknown;
  idempotencyKey?: string;
}

function bodyOf(spec: RequestSpec, creds: PosCredentials, breaks: RequestBreaks): Buffer {
  if (breaks.rawBody !== undefined) return Buffer.from(breaks.rawBody);
  if (spec.plaintext === undefined && breaks.plaintextBytes === undefined) return Buffer.alloc(0);
  if (breaks.plaintextBody) {
    const plain = spec.plaintext;
    if (plain === undefined) return breaks.plaintextBytes ?? Buffer.alloc(0);
    const text =
      plain !== null && typeof plain === 'object' && !Array.isArray(plain)
        ? writeJson(plain as Record<string, unknown>, breaks.body)
        : JSON.stringify(plain);
    return Buffer.from(text, 'utf8');
  }
  const bytes = breaks.plaintextBytes ?? Buffer.from(JSON.stringify(spec.plaintext), 'utf8');
  return Buffer.from(writeJson(buildEnvelope(bytes, creds.msk, breaks.envelope), breaks.body), 'utf8');
}

function timestampOf(breaks: RequestBreaks, nowMs: number): string {
  const t = breaks.timestamp;
  if (typeof t === 'string') return t;
  const at = nowMs + (t?.skewSeconds ?? 0) * 1000;
  if (t?.form === 'fraction') return formatRfc3339Millis(at);
  if (t?.form === 'offset') return formatRfc3339Offset(at);
  return formatRfc3339Seconds(at);
}

/** The signed request for `spec`, with `breaks` applied. `nowMs` is the target-aligned clock. */
export function buildRequest(spec: RequestSpec, creds: PosCredentials, breaks: RequestBreaks = {}, nowMs = Date.now()): WireRequest {
  const method = breaks.method ?? spec.method;
  const path = breaks.path ?? spec.path;
  const query = breaks.query ?? spec.query ?? '';
  const body = bodyOf(spec, creds, breaks);
  const terminalId = breaks.terminalId ?? creds.terminalId;
  const timestamp = timestampOf(breaks, nowMs);
  const nonce = breaks.nonce ?? newNonce();
  const parts: CanonicalParts = { method, path, query, body, terminalId, timestamp, nonce, ...breaks.signature?.over };
  const signed = sign(parts, breaks.signature?.secret ?? creds.hmacSecret);
  const prefix = breaks.signature?.prefix;
  const signature = breaks.signature?.value ?? (prefix === undefined ? signed : prefix + signed.slice(SIGNATURE_PREFIX.length));

  const headers: Array<[string, string]> = [
    [HEADER.terminalId, terminalId],
    [HEADER.userAgent, creds.userAgent],
    [HEADER.clientType, CLIENT_TYPE],
    [HEADER.keyId, breaks.keyId ?? creds.keyId],
    [HEADER.timestamp, timestamp],
    [HEADER.nonce, nonce],
    [HEADER.signature, signature],
    [HEADER.contentType, 'application/json'],
  ];
  if (spec.idempotencyKey !== undefined) headers.push([HEADER.idempotencyKey, spec.idempotencyKey]);
  for (const [name, value] of Object.entries(breaks.headers ?? {})) {
    const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (value === null) {
      if (at >= 0) headers.splice(at, 1);
    } else if (at >= 0) headers[at] = [headers[at]![0], value];
    else headers.push([name, value]);
  }
  const wire: WireRequest = { method, path, query, headers, body };
  if (spec.plaintext !== undefined) wire.plaintext = spec.plaintext;
  return wire;
}
