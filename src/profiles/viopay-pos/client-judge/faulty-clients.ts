/**
 * The proof catalogue: a correct POS app, legal variations of it (each must pass every check),
 * and faulty apps with ONE implementer mistake each. Every faulty app must fail exactly the
 * checks it lists (for a signature mistake, with the diagnosis it names); the tests and
 * `clientSelftest` drive each through the flow of client-flow.ts against a judge.
 */
import { randomBytes } from 'node:crypto';
import { newNonce } from '../../../client';
import { canonicalBytes, type CanonicalParts } from '../../../crypto/canonical';
import { hmacSha256 } from '../../../crypto/signature';
import { formatRfc3339Millis, parseRfc3339 } from '../../../profile/rfc3339';
import { macHeader, type Behaviour } from './client-flow';

export interface CatalogueClient {
  name: string;
  /** What this app does differently, one line. */
  what: string;
  behaviour: Behaviour;
}

export interface FaultyClient extends CatalogueClient {
  /** The checks the judge must fail or warn on: exactly these. */
  expectedChecks: readonly string[];
  /** For a signature mistake: the diagnosis the judge must give (its `mistake` name). */
  expectedDiagnosis?: string;
}

/** Signs the parts with one element changed: the app's mistake is what it signs, not what it sends. */
const signing = (change: (parts: CanonicalParts, plaintext: unknown) => Partial<CanonicalParts>) => (parts: CanonicalParts, secret: string, plaintext: unknown) =>
  macHeader(secret, canonicalBytes({ ...parts, ...change(parts, plaintext) }));

const joinNl = (pieces: Array<string | Uint8Array>) => Buffer.concat(pieces.flatMap((p, i) => [...(i ? [Buffer.from('\n')] : []), Buffer.from(p)]));

const VALID = 'client.pos.signature.valid';
const QUERY = { query: 'lang=en' };

/** The correct app: the flow as PROFILE 1.1-1.3, 1.5-1.7 and 1.9 ask. */
export const CORRECT_CLIENT: CatalogueClient = { name: 'correct', what: 'signs the envelope as sent, fresh random nonces and IVs, the same key on a retry', behaviour: {} };

/** Legal variations: every one must pass every check (a false failure is as bad as a miss). */
export const LEGAL_CLIENTS: readonly CatalogueClient[] = [
  { name: 'lower-case-hex', what: 'writes the envelope hex in lower case', behaviour: { breaks: () => ({ envelope: { hexCase: 'lower' } }) } },
  { name: 'pretty-envelope', what: 'sends the envelope pretty-printed, keys in reverse order (signed as sent)', behaviour: { breaks: () => ({ body: { spacing: 'pretty', keyOrder: 'reversed' } }) } },
  { name: 'fraction-timestamp', what: 'sends timestamps with milliseconds (the seeds\' Java example)', behaviour: { breaks: () => ({ timestamp: { skewSeconds: 0, form: 'fraction' } }) } },
  { name: 'offset-timestamp', what: 'sends timestamps with a +02:00 offset', behaviour: { breaks: () => ({ timestamp: { skewSeconds: 0, form: 'offset' } }) } },
  { name: 'signed-query', what: 'adds a query string and signs it (without `?`)', behaviour: { breaks: () => QUERY } },
  { name: 'clock-a-minute-behind', what: 'has a device clock 60 s behind (inside the 300 s window)', behaviour: { clockOffsetMs: -60_000 } },
  { name: 'short-nonces', what: 'sends 12-character random nonces (the minimum)', behaviour: { breaks: () => ({ nonce: newNonce(12) }) } },
];

const FIXED_IV = '000102030405060708090A0B0C0D0E0F';
/** One random IV, drawn once when the catalogue loads (the reused-iv app's "start-up"). */
const ONCE_RANDOM_IV = randomBytes(16).toString('hex').toUpperCase();

export const FAULTY_CLIENTS: readonly FaultyClient[] = [
  // Signature mistakes: what the app signs is not the request as sent.
  { name: 'plaintext-signed', what: "signs the plaintext JSON, as the seeds' code samples do", expectedChecks: [VALID], expectedDiagnosis: 'plaintext-signed', behaviour: { sign: signing((_p, plaintext) => ({ body: plaintext === undefined ? '' : JSON.stringify(plaintext) })) } },
  { name: 'empty-body-signed', what: "signs an empty body on every request (the cancel seed's rule)", expectedChecks: [VALID], expectedDiagnosis: 'empty-body-signed', behaviour: { sign: signing(() => ({ body: '' })) } },
  { name: 'query-left-out', what: 'sends a query but leaves it out of the canonical string', expectedChecks: [VALID], expectedDiagnosis: 'query-left-out', behaviour: { breaks: () => QUERY, sign: signing(() => ({ query: '' })) } },
  { name: 'question-mark-kept', what: 'signs the query with its `?`', expectedChecks: [VALID], expectedDiagnosis: 'query-with-question-mark', behaviour: { breaks: () => QUERY, sign: signing((p) => ({ query: `?${p.query}` })) } },
  { name: 'path-with-query', what: 'signs the path with the query on it', expectedChecks: [VALID], expectedDiagnosis: 'path-with-query', behaviour: { breaks: () => QUERY, sign: signing((p) => ({ path: `${p.path}?${p.query}`, query: '' })) } },
  { name: 'trailing-newline', what: 'ends the canonical string with a newline', expectedChecks: [VALID], expectedDiagnosis: 'trailing-newline', behaviour: { sign: (p, secret) => macHeader(secret, Buffer.concat([canonicalBytes(p), Buffer.from('\n')])) } },
  { name: 'lower-case-method', what: 'signs the method in lower case', expectedChecks: [VALID], expectedDiagnosis: 'method-lower-case', behaviour: { sign: signing((p) => ({ method: p.method.toLowerCase() })) } },
  { name: 'body-reserialised', what: 'signs the envelope re-serialised with indentation, sends it compact', expectedChecks: [VALID], expectedDiagnosis: 'body-reserialised', behaviour: { sign: signing((p) => ({ body: reindented(p.body) })) } },
  { name: 'timestamp-form', what: 'sends YYYY-MM-DDTHH:MM:SSZ but signs the timestamp with milliseconds', expectedChecks: [VALID], expectedDiagnosis: 'timestamp-form', behaviour: { sign: signing((p) => ({ timestamp: formatRfc3339Millis(parseRfc3339(p.timestamp) ?? 0) })) } },
  { name: 'secret-hex-decoded', what: 'hex-decodes the secret before using it as the HMAC key', expectedChecks: [VALID], expectedDiagnosis: 'secret-hex-decoded', behaviour: { sign: (p, secret) => macHeader(Buffer.from(secret, 'hex'), canonicalBytes(p)) } },
  { name: 'secret-base64-decoded', what: 'base64-decodes the secret before using it as the HMAC key', expectedChecks: [VALID], expectedDiagnosis: 'secret-base64-decoded', behaviour: { sign: (p, secret) => macHeader(Buffer.from(secret, 'base64'), canonicalBytes(p)) } },
  { name: 'elements-reordered', what: 'puts the body last in the canonical string', expectedChecks: [VALID], expectedDiagnosis: 'element-order', behaviour: { sign: (p, secret) => macHeader(secret, joinNl([p.method, p.path, p.query, p.terminalId, p.timestamp, p.nonce, p.body])) } },
  { name: 'hex-signature', what: 'sends the right MAC in hex instead of base64', expectedChecks: ['client.pos.signature.format'], expectedDiagnosis: 'hex', behaviour: { sign: (p, secret) => `v1=${hmacSha256(secret, canonicalBytes(p)).toString('hex')}` } },
  // Nonces and clock.
  { name: 'reused-nonce', what: "sends the seeds' example nonce on every request", expectedChecks: ['client.pos.nonce.unique'], behaviour: { breaks: () => ({ nonce: 'a1b2c3d4e5f6' }) } },
  { name: 'counter-nonce', what: 'numbers its nonces 1, 2, 3, ...', expectedChecks: ['client.pos.nonce.unpredictable'], behaviour: { breaks: (n) => ({ nonce: `nonce${String(n).padStart(10, '0')}` }) } },
  { name: 'short-nonce', what: 'sends 8-character nonces', expectedChecks: ['client.pos.nonce.format'], behaviour: { breaks: () => ({ nonce: newNonce(8) }) } },
  { name: 'stale-clock', what: 'has a device clock 10 minutes behind', expectedChecks: ['client.pos.timestamp.accurate'], behaviour: { clockOffsetMs: -600_000 } },
  { name: 'epoch-timestamp', what: 'sends X-Timestamp as epoch seconds', expectedChecks: ['client.pos.timestamp.format'], behaviour: { breaks: () => ({ timestamp: String(Math.floor(Date.now() / 1000)) }) } },
  // Envelope.
  { name: 'fixed-iv', what: "encrypts every request under the seeds' example IV", expectedChecks: ['client.pos.envelope.fresh-iv'], behaviour: { breaks: () => ({ envelope: { iv: FIXED_IV } }) } },
  { name: 'reused-iv', what: 'draws one random IV at start-up and reuses it', expectedChecks: ['client.pos.envelope.fresh-iv'], behaviour: { breaks: () => ({ envelope: { iv: ONCE_RANDOM_IV } }) } },
  { name: 'counter-iv', what: 'numbers its IVs 1, 2, 3, ...', expectedChecks: ['client.pos.envelope.fresh-iv'], behaviour: { breaks: (n) => ({ envelope: { iv: n.toString(16).padStart(32, '0') } }) } },
  { name: 'iv-mismatch', what: 'encrypts under one IV and sends another', expectedChecks: ['client.pos.envelope.plaintext-json'], behaviour: { body: (body) => withEnvelope(body, (e) => ({ ...e, initialization_vector: randomBytes(16).toString('hex').toUpperCase() })) } },
  { name: 'plaintext-body', what: 'sends the plaintext JSON unencrypted', expectedChecks: ['client.pos.body.encrypted'], behaviour: { breaks: () => ({ plaintextBody: true }) } },
  { name: 'zero-padding', what: 'pads the plaintext with zero bytes instead of PKCS#7', expectedChecks: ['client.pos.envelope.padding'], behaviour: { breaks: () => ({ envelope: { padding: 'zeros' } }) } },
  { name: 'lower-case-format', what: 'writes format "tr31-data"', expectedChecks: ['client.pos.envelope.structure'], behaviour: { breaks: () => ({ envelope: { format: 'tr31-data' } }) } },
  { name: 'cancel-with-body', what: 'sends an envelope of {} on cancel', expectedChecks: ['client.pos.body.cancel-empty'], behaviour: { cancelBody: true } },
  // Plaintext.
  { name: 'amounts-as-numbers', what: 'sends amount.value as a JSON number', expectedChecks: ['client.pos.plaintext.amount-format'], behaviour: { plaintext: (p) => ({ ...p, amount: { ...(p.amount as object), value: Number((p.amount as { value: string }).value) } }) } },
  { name: 'lower-case-currency', what: 'sends amount.currency "eur"', expectedChecks: ['client.pos.plaintext.currency-format'], behaviour: { plaintext: (p) => ({ ...p, amount: { ...(p.amount as object), currency: 'eur' } }) } },
  { name: 'attended-as-string', what: 'sends terminal.attended as "true"', expectedChecks: ['client.pos.plaintext.fields'], behaviour: { plaintext: (p, op) => (op === 'charge' ? { ...p, terminal: { ...(p.terminal as object), attended: 'true' } } : p) } },
  { name: 'double-encoded-json', what: 'encrypts the plaintext JSON encoded twice (a JSON string)', expectedChecks: ['client.pos.plaintext.fields'], behaviour: { plaintext: (p) => JSON.stringify(p) } },
  { name: 'zero-refund', what: 'sends a refund of "0"', expectedChecks: ['client.pos.plaintext.amount-range'], behaviour: { refundValue: '0' } },
  { name: 'other-terminal-in-body', what: 'names another terminal in terminal.id', expectedChecks: ['client.pos.plaintext.terminal-match'], behaviour: { plaintext: (p, op) => (op === 'charge' ? { ...p, terminal: { ...(p.terminal as object), id: 'TERM-002' } } : p) } },
  // Idempotency.
  { name: 'retry-without-key', what: 'retries a charge that got no answer without its Idempotency-Key', expectedChecks: ['client.pos.idempotency.retry-key'], behaviour: { retryKey: () => undefined } },
  { name: 'retry-new-key', what: 'retries a charge with a new Idempotency-Key', expectedChecks: ['client.pos.idempotency.retry-key'], behaviour: { retryKey: (k) => `${k}-retry` } },
  { name: 'constant-idempotency-key', what: "sends the seeds' example key idem-abc-123 on every charge", expectedChecks: ['client.pos.idempotency.key-per-charge'], behaviour: { idempotencyKey: () => 'idem-abc-123' } },
  // Device headers and routes.
  { name: 'wrong-user-agent', what: "sends its HTTP library's User-Agent", expectedChecks: ['client.pos.headers.user-agent'], behaviour: { breaks: () => ({ headers: { 'User-Agent': 'okhttp/4.12.0' } }) } },
  { name: 'missing-client-type', what: 'sends no X-Client-Type', expectedChecks: ['client.pos.headers.client-type'], behaviour: { breaks: () => ({ headers: { 'X-Client-Type': null } }) } },
  { name: 'put-method', what: 'sends every request with PUT', expectedChecks: ['client.pos.route.method'], behaviour: { breaks: () => ({ method: 'PUT' }) } },
];

/** The body with its envelope changed (an empty body, a cancel's, stays empty). */
function withEnvelope(body: Buffer, change: (envelope: Record<string, unknown>) => Record<string, unknown>): Buffer {
  if (body.length === 0) return body;
  return Buffer.from(JSON.stringify(change(JSON.parse(body.toString('utf8')) as Record<string, unknown>)), 'utf8');
}

function reindented(body: CanonicalParts['body']): string | Uint8Array {
  const text = Buffer.from(body).toString('utf8');
  if (text === '') return body;
  return JSON.stringify(JSON.parse(text), null, 2);
}
