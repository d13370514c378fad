/**
 * Builds the exact bytes of a signed request (pure apart from the random IV and nonce): device
 * headers, signature headers and the envelope, then whatever RequestBreaks asks to break.
 */
import { randomBytesFromPool } from '../crypto/random';
import { canonicalBytes, type CanonicalParts } from '../crypto/canonical';
import { formatSignature, hmacSha256, sign } from '../crypto/signature';
import { CLIENT_TYPE, HEADER, SIGNATURE_PREFIX } from '../profile/pos';
import { formatRfc3339Millis, formatRfc3339Offset, formatRfc3339Seconds } from '../profile/rfc3339';
import type { RequestBreaks } from './breaks';
import type { PosCredentials } from './credentials';
import { buildEnvelope, writeJson } from './envelope-breaks';
import { CANONICAL_FIELD, changesCanonicalShape, envelopeFieldOf, nearMissCanonical, nearMissSignature, nearMissText, type NearMiss } from './near-miss';
import type { WireRequest } from './wire';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh nonce: 24 random letters and digits (PROFILE 1.2 asks 12 or more). */
export function newNonce(length = 24): string {
  return [...randomBytesFromPool(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

/**
 * A fresh nonce that `miss` changes: a case near miss of X-Nonce on a nonce that happens to have
 * no letter of that case (about one draw in a million) would send the valid request and make a
 * conformant target look as if it accepted a near miss. `draw` is for tests.
 */
export function nonceFor(miss: NearMiss | undefined, draw: () => string = newNonce): string {
  let nonce = draw();
  if (miss?.element !== 'X-Nonce' || miss.kind === 'removed') return nonce;
  for (let tries = 0; tries < 100 && nearMissText(nonce, miss) === nonce; tries++) nonce = draw();
  return nonce;
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
  const body = unpaddedBodyOf(spec, creds, breaks);
  if (breaks.bodyBytes === undefined || body.length >= breaks.bodyBytes) return body;
  return Buffer.concat([body, Buffer.alloc(breaks.bodyBytes - body.length, 0x20)]);
}

function unpaddedBodyOf(spec: RequestSpec, creds: PosCredentials, breaks: RequestBreaks): Buffer {
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
  const envelope = buildEnvelope(bytes, creds.msk, breaks.envelope);
  const field = breaks.nearMiss && envelopeFieldOf(breaks.nearMiss.element);
  if (field !== undefined) {
    const changed = nearMissText(String(envelope[field] ?? ''), breaks.nearMiss!);
    if (changed === undefined) delete envelope[field];
    else envelope[field] = changed;
  }
  return Buffer.from(writeJson(envelope, breaks.body), 'utf8');
}

function timestampOf(breaks: RequestBreaks, nowMs: number): string {
  const t = breaks.timestamp;
  if (typeof t === 'string') return t;
  const at = nowMs + (t?.skewSeconds ?? 0) * 1000;
  if (t?.form === 'fraction') return formatRfc3339Millis(at);
  if (t?.form === 'offset') return formatRfc3339Offset(at);
  return formatRfc3339Seconds(at);
}

/** The values a request carries before a near miss: the canonical parts and the other headers. */
interface Draft {
  parts: CanonicalParts;
  plaintext?: unknown;
  keyId: string;
  userAgent: string;
  clientType: string;
}

/** Header name of each element that travels as a header. */
const HEADER_OF: Partial<Record<NearMiss['element'], string>> = {
  'X-Terminal-Id': HEADER.terminalId,
  'X-Timestamp': HEADER.timestamp,
  'X-Nonce': HEADER.nonce,
  'X-Key-Id': HEADER.keyId,
  'User-Agent': HEADER.userAgent,
  'X-Client-Type': HEADER.clientType,
  'X-Signature': HEADER.signature,
};

function textOf(value: CanonicalParts[keyof CanonicalParts]): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/**
 * Applies a near miss to what is sent (`sent` and `both`) and to what is signed (`signed` and
 * `both`). Returns the signed parts, the wire parts, and the wire value of the other headers;
 * `undefined` in `headers` means the header is not sent.
 */
function applyNearMiss(draft: Draft, miss: NearMiss | undefined): { signed: CanonicalParts; sent: CanonicalParts; headers: Record<string, string | undefined> } {
  const signed = { ...draft.parts };
  const sent = { ...draft.parts };
  const headers: Record<string, string | undefined> = {
    [HEADER.keyId]: draft.keyId,
    [HEADER.userAgent]: draft.userAgent,
    [HEADER.clientType]: draft.clientType,
  };
  if (!miss || miss.element === 'X-Signature' || envelopeFieldOf(miss.element) !== undefined || changesCanonicalShape(miss)) return { signed, sent, headers };
  const where = miss.in ?? 'both';
  const field = CANONICAL_FIELD[miss.element];
  if (field === undefined) {
    // Not signed (X-Key-Id, User-Agent, X-Client-Type): only the wire changes.
    const name = HEADER_OF[miss.element]!;
    headers[name] = nearMissText(headers[name] ?? '', miss);
    return { signed, sent, headers };
  }
  const changed = miss.kind === 'plaintext' ? JSON.stringify(draft.plaintext ?? {}) : nearMissText(textOf(draft.parts[field]), miss);
  if (where !== 'sent') (signed as unknown as Record<string, string>)[field] = changed ?? '';
  if (where !== 'signed') {
    (sent as unknown as Record<string, string>)[field] = changed ?? '';
    const name = HEADER_OF[miss.element];
    if (name !== undefined && changed === undefined) headers[name] = undefined;
  }
  return { signed, sent, headers };
}

/** The `X-Signature` value: over the signed parts, or a near miss of it. */
function signatureOf(signed: CanonicalParts, secret: string, breaks: RequestBreaks): string {
  const miss = breaks.nearMiss;
  if (miss && changesCanonicalShape(miss)) return formatSignature(hmacSha256(Buffer.from(secret, 'utf8'), nearMissCanonical(signed, miss)));
  const valid = sign(signed, secret);
  if (miss?.element === 'X-Signature') {
    return nearMissSignature(hmacSha256(Buffer.from(secret, 'utf8'), canonicalBytes(signed)), valid, miss) ?? '';
  }
  const prefix = breaks.signature?.prefix;
  return breaks.signature?.value ?? (prefix === undefined ? valid : prefix + valid.slice(SIGNATURE_PREFIX.length));
}

/** The signed request for `spec`, with `breaks` applied. `nowMs` is the target-aligned clock. */
export function buildRequest(spec: RequestSpec, creds: PosCredentials, breaks: RequestBreaks = {}, nowMs = Date.now()): WireRequest {
  let wire = buildOnce(spec, creds, breaks, nowMs);
  // A base64url near miss differs from standard base64 only when the MAC has a + or /: draw
  // another nonce until it does (each draw has a 3 in 4 chance), so the probe tests something.
  if (breaks.nearMiss?.kind === 'base64url' && breaks.nonce === undefined) {
    const signature = () => wire.headers.find(([n]) => n === HEADER.signature)?.[1] ?? '';
    for (let tries = 0; tries < 200 && !/[-_]/.test(signature()); tries++) wire = buildOnce(spec, creds, breaks, nowMs);
  }
  return wire;
}

/**
 * A near miss of X-Terminal-Id sent and signed is carried into the charge's `terminal.id` too, so
 * the target judges the header alone, not the mismatch PROFILE 1.5 lets it refuse (SHOULD).
 */
function alignBodyTerminal(spec: RequestSpec, terminalId: string, miss: NearMiss | undefined): RequestSpec {
  if (miss?.element !== 'X-Terminal-Id' || (miss.in ?? 'both') !== 'both') return spec;
  const plaintext = spec.plaintext as { terminal?: { id?: unknown } } | undefined;
  if (plaintext?.terminal?.id !== terminalId) return spec;
  return { ...spec, plaintext: { ...plaintext, terminal: { ...plaintext.terminal, id: nearMissText(terminalId, miss) ?? '' } } };
}

function buildOnce(original: RequestSpec, creds: PosCredentials, breaks: RequestBreaks, nowMs: number): WireRequest {
  const spec = alignBodyTerminal(original, breaks.terminalId ?? creds.terminalId, breaks.nearMiss);
  const draft: Draft = {
    parts: {
      method: breaks.method ?? spec.method,
      path: breaks.path ?? spec.path,
      query: breaks.query ?? spec.query ?? '',
      body: bodyOf(spec, creds, breaks),
      terminalId: breaks.terminalId ?? creds.terminalId,
      timestamp: timestampOf(breaks, nowMs),
      nonce: breaks.nonce ?? nonceFor(breaks.nearMiss),
    },
    plaintext: spec.plaintext,
    keyId: breaks.keyId ?? creds.keyId,
    userAgent: creds.userAgent,
    clientType: CLIENT_TYPE,
  };
  const { signed, sent, headers: other } = applyNearMiss(draft, breaks.nearMiss);
  const signature = signatureOf({ ...signed, ...breaks.signature?.over }, breaks.signature?.secret ?? creds.hmacSecret, breaks);
  const sentHeaders: Array<[string, string | undefined]> = [
    [HEADER.terminalId, sent.terminalId],
    [HEADER.userAgent, other[HEADER.userAgent]],
    [HEADER.clientType, other[HEADER.clientType]],
    [HEADER.keyId, other[HEADER.keyId]],
    [HEADER.timestamp, sent.timestamp],
    [HEADER.nonce, sent.nonce],
    [HEADER.signature, breaks.nearMiss?.element === 'X-Signature' && breaks.nearMiss.kind === 'removed' ? undefined : signature],
    [HEADER.contentType, 'application/json'],
  ];
  const removed = breaks.nearMiss?.kind === 'removed' && (breaks.nearMiss.in ?? 'both') !== 'signed' ? HEADER_OF[breaks.nearMiss.element] : undefined;
  const headers = sentHeaders.filter((h): h is [string, string] => h[1] !== undefined && h[0] !== removed);
  if (spec.idempotencyKey !== undefined) headers.push([HEADER.idempotencyKey, spec.idempotencyKey]);
  for (const [name, value] of Object.entries(breaks.headers ?? {})) {
    const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (value === null) {
      if (at >= 0) headers.splice(at, 1);
    } else if (at >= 0) headers[at] = [headers[at]![0], value];
    else headers.push([name, value]);
  }
  const body = typeof sent.body === 'string' ? Buffer.from(sent.body, 'utf8') : Buffer.isBuffer(sent.body) ? sent.body : Buffer.from(sent.body);
  const wire: WireRequest = { method: sent.method, path: sent.path, query: sent.query, headers, body };
  if (spec.plaintext !== undefined) wire.plaintext = spec.plaintext;
  return wire;
}
