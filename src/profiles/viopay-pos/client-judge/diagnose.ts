/**
 * Why a signature does not verify: the judge recomputes the HMAC under each mistake implementers
 * make (the seeds' samples sign the plaintext, the cancel seed an empty body, ...) and names the
 * one that reproduces the app's signature. It only names mistakes; it never shows a MAC or a
 * secret. The answer to the app stays the PROFILE answer (a bare 401): this goes to the console
 * and the report.
 */
import { canonicalBytes, canonicalPieces, joinCanonical, type CanonicalParts } from '../../../crypto/canonical';
import { hmacSha256 } from '../../../crypto/signature';
import { HEADER, SIGNATURE_PREFIX } from '../../../profile/pos';
import { formatRfc3339Millis, formatRfc3339Offset, formatRfc3339Seconds, parseRfc3339 } from '../../../profile/rfc3339';
import type { JudgeKeys, RequestFacts } from './facts';
import { canonicalPartsOf } from '../target/rules/signature';
import { headerOf, type ClientRequest } from './types';

export interface Diagnosis {
  /** A stable name of the mistake (`plaintext-signed`, ...), or `none` when no known mistake matched. */
  mistake: string;
  /** What the app did and what to do instead, one line. */
  message: string;
}

/** One way to get a signature wrong: the bytes it signs and the key it signs with. */
interface Hypothesis {
  mistake: string;
  message: string;
  canonical: Buffer;
  key: Buffer;
}

const ELEMENTS = ['METHOD', 'PATH', 'QUERY', 'BODY', 'X-Terminal-Id', 'X-Timestamp', 'X-Nonce'] as const;

/** The MACs an `X-Signature` value could mean, however it was written (base64, base64url, hex; with or without `v1=`). */
function macsOf(value: string): Buffer[] {
  const encoded = value.startsWith(SIGNATURE_PREFIX) ? value.slice(SIGNATURE_PREFIX.length) : value.replace(/^[A-Za-z0-9]{1,4}[=:]/, '');
  const macs: Buffer[] = [];
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) macs.push(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  if (/^[0-9A-Fa-f]{64}$/.test(encoded)) macs.push(Buffer.from(encoded, 'hex'));
  return macs.filter((m) => m.length === 32);
}

/** How the correct MAC was written, when the app made the right MAC but wrote it wrong; else null. */
function encodingMistake(value: string, correct: Buffer): Diagnosis | null {
  const base64 = correct.toString('base64');
  const forms: Array<[string, string, string]> = [
    [base64.replace(/=+$/, ''), 'base64-unpadded', 'the MAC is right but its base64 lacks the `=` padding; send standard padded base64'],
    [base64.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url', 'the MAC is right but written in base64url (- and _); send standard base64'],
    [base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url', 'the MAC is right but written in base64url (- and _); send standard base64'],
    [correct.toString('hex'), 'hex', 'the MAC is right but written in hex; send it base64-encoded'],
    [correct.toString('hex').toUpperCase(), 'hex', 'the MAC is right but written in hex; send it base64-encoded'],
  ];
  if (value === base64) return { mistake: 'prefix-missing', message: 'the MAC is right but the v1= prefix is missing; send `v1=` and the base64 MAC' };
  for (const [form, mistake, message] of forms) {
    if (value === SIGNATURE_PREFIX + form || value === form) return { mistake, message };
  }
  if (value.toLowerCase().endsWith(`=${base64.toLowerCase()}`) || value.endsWith(base64)) {
    return { mistake: 'prefix', message: `the MAC is right but the prefix is not exactly \`${SIGNATURE_PREFIX}\`` };
  }
  return null;
}

/** JSON re-serialisations an app may have signed instead of the bytes it sent. */
function reserialised(body: Buffer): Buffer[] {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return [];
  }
  const sorted = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
      : v;
  const spaced = (v: unknown) => JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ').replace(/\{ /g, '{').replace(/ \}/g, '}').replace(/\[ /g, '[').replace(/ \]/g, ']');
  const texts = [JSON.stringify(value), JSON.stringify(sorted(value)), JSON.stringify(value, null, 2), JSON.stringify(value, null, 4), spaced(value), spaced(sorted(value))];
  return [...new Set(texts)].map((t) => Buffer.from(t, 'utf8')).filter((b) => !b.equals(body));
}

function timestampForms(sent: string): string[] {
  const at = parseRfc3339(sent);
  if (at === null) return [];
  const forms = [formatRfc3339Seconds(at), formatRfc3339Millis(at), formatRfc3339Offset(at, 0), String(Math.floor(at / 1000)), String(at)];
  return [...new Set(forms)].filter((f) => f !== sent);
}

function hypotheses(request: ClientRequest, facts: RequestFacts, secret: string): Hypothesis[] {
  const sent = canonicalPartsOf(request);
  const key = Buffer.from(secret, 'utf8');
  const list: Hypothesis[] = [];
  const add = (mistake: string, message: string, parts: Partial<CanonicalParts>, withKey = key) =>
    list.push({ mistake, message, canonical: canonicalBytes({ ...sent, ...parts }), key: withKey });
  const envelopeAdvice = 'sign the envelope exactly as sent';
  if (facts.body.kind === 'envelope' && 'plaintextBytes' in facts.body) {
    add('plaintext-signed', `your signature is HMAC over the plaintext JSON; ${envelopeAdvice}`, { body: facts.body.plaintextBytes });
    const compact = Buffer.from(JSON.stringify(facts.body.plaintext), 'utf8');
    if (!compact.equals(facts.body.plaintextBytes)) add('plaintext-signed', `your signature is HMAC over the plaintext JSON; ${envelopeAdvice}`, { body: compact });
  }
  if (request.body.length > 0) add('empty-body-signed', `your signature covers an empty body (the seeds' cancel example); ${envelopeAdvice}`, { body: '' });
  for (const body of reserialised(request.body)) {
    add('body-reserialised', 'your signature covers the body re-serialised (other spacing or key order); sign the raw body bytes exactly as sent', { body });
  }
  if (request.query !== '') {
    add('query-left-out', 'your signature leaves the query out; QUERY is the raw query string without `?`', { query: '' });
    add('query-with-question-mark', 'your signature keeps the `?` in QUERY; QUERY is the raw query string without `?`', { query: `?${request.query}` });
    add('path-with-query', 'your signature puts the query in PATH; PATH is the path without the query, QUERY the query without `?`', { path: request.target, query: '' });
    add('path-with-query', 'your signature puts the query in PATH; PATH is the path without the query, QUERY the query without `?`', { path: request.target });
  }
  if (request.method !== request.method.toUpperCase()) {
    add('method-case', 'your signature has the method in another case than sent; sign METHOD exactly as sent', { method: request.method.toUpperCase() });
  } else {
    add('method-lower-case', 'your signature has the method in lower case; sign METHOD in upper case, exactly as sent', { method: request.method.toLowerCase() });
  }
  for (const form of timestampForms(sent.timestamp)) {
    add('timestamp-form', `your signature covers the timestamp written as ${form}, not as sent; sign X-Timestamp exactly as sent`, { timestamp: form });
  }
  // Node's lenient decoders, as an app written in Node (or a hex/base64 library) would decode.
  const hex = Buffer.from(secret, 'hex');
  const emptyKey = hex.length === 0 ? ' (this secret is not hex: that leaves an empty key, as a secret that is not configured does)' : '';
  if (!hex.equals(key)) add('secret-hex-decoded', `your signature uses the secret hex-decoded${emptyKey}; use the UTF-8 bytes of the secret text as the HMAC key`, {}, hex);
  const b64 = Buffer.from(secret, 'base64');
  if (!b64.equals(key)) add('secret-base64-decoded', 'your signature uses the secret base64-decoded; use the UTF-8 bytes of the secret text as the HMAC key', {}, b64);
  const pieces = canonicalPieces(sent);
  list.push({ mistake: 'trailing-newline', message: 'your canonical string ends with a newline; join the seven elements with \\n and add none at the end', canonical: Buffer.concat([joinCanonical(pieces), Buffer.from('\n')]), key });
  ELEMENTS.forEach((name, i) => {
    list.push({ mistake: 'element-left-out', message: `your canonical string leaves ${name} out; it has all seven elements (an empty one is still a line)`, canonical: joinCanonical(pieces.filter((_, j) => j !== i)), key });
  });
  return list;
}

/**
 * The orders an app plausibly got wrong: one element moved elsewhere, two swapped, all reversed
 * (not all 5040 permutations: a wrong secret would then cost every refused request a quarter second).
 */
function reorderings(n: number): number[][] {
  const identity = [...Array(n).keys()];
  const found = new Map<string, number[]>();
  const keep = (order: number[]) => {
    if (order.some((v, i) => v !== i)) found.set(order.join(','), order);
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const moved = identity.filter((v) => v !== i);
      moved.splice(j, 0, i);
      keep(moved);
      const swapped = [...identity];
      [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
      keep(swapped);
    }
  }
  keep([...identity].reverse());
  return [...found.values()];
}

/** The first known mistake that reproduces the app's `X-Signature`, or `none`. */
export function diagnoseSignature(request: ClientRequest, facts: RequestFacts, keys: JudgeKeys): Diagnosis {
  const value = headerOf(request, HEADER.signature) ?? '';
  const correct = hmacSha256(Buffer.from(keys.hmacSecret, 'utf8'), canonicalBytes(canonicalPartsOf(request)));
  const encoding = encodingMistake(value, correct);
  if (encoding) return encoding;
  const given = macsOf(value);
  if (given.length === 0) return { mistake: 'none', message: 'X-Signature is not `v1=` followed by the standard base64 of a 32-byte HMAC-SHA256' };
  const matches = (mac: Buffer) => given.some((g) => g.equals(mac));
  for (const h of hypotheses(request, facts, keys.hmacSecret)) {
    if (matches(hmacSha256(h.key, h.canonical))) return { mistake: h.mistake, message: h.message };
  }
  const pieces = canonicalPieces(canonicalPartsOf(request));
  const key = Buffer.from(keys.hmacSecret, 'utf8');
  for (const order of reorderings(pieces.length)) {
    if (matches(hmacSha256(key, joinCanonical(order.map((i) => pieces[i]!))))) {
      return { mistake: 'element-order', message: `your canonical string has the elements in another order (${order.map((i) => ELEMENTS[i]).join(', ')}); the order is ${ELEMENTS.join(', ')}` };
    }
  }
  return { mistake: 'none', message: 'no known mistake reproduces this signature: check the secret of X-Key-Id and the canonical string (METHOD, PATH, QUERY, BODY, X-Terminal-Id, X-Timestamp, X-Nonce joined with \\n)' };
}
