/**
 * How a POS contract's request reaches a real target, and what of its answer Pact cannot see.
 * The body is an envelope whose signature covers the raw bytes: for each request, the example
 * envelope's plaintext is sealed again under the target's MSK and signed with the target's secret,
 * a fresh timestamp and nonce (or wrong on purpose for the negative interactions), and the body
 * replaced with a Buffer and a right Content-Length. A 200's answer is opened under the target's MSK
 * and compared with the contract's plaintext (Pact's matchers alone only see the envelope).
 */
import { isDeepStrictEqual } from 'node:util';
import { newNonce } from '../../../client/build';
import { splitTarget } from '../../../crypto/canonical';
import { open, seal } from '../../../crypto/envelope';
import { kcvMatches } from '../../../crypto/kcv';
import { sign } from '../../../crypto/signature';
import type { PaycertComment } from '../../../pact/contract-file';
import { formatRfc3339Seconds } from '../../../profile/rfc3339';
import type { ContractRequest } from '../../contract-side';
import type { PosSettings } from '../settings';
import { TEST_MSK } from './examples';

/** What the POS consumer writes in each interaction's comment (src/profiles/viopay-pos/contract/consumer.ts). */
export interface PosComment extends PaycertComment {
  intent?: 'sign' | 'bad-signature' | 'stale-timestamp';
  request_plaintext?: unknown;
  response_plaintext?: Record<string, unknown> | null;
  exact_fields: string[];
  error_code?: string | null;
}

/** The same JSON type, and for strings not empty: what "like" means for fields that change per run. */
function sameShape(expected: unknown, actual: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return typeof actual === typeof expected && (typeof actual !== 'string' || actual !== '');
  return actual !== null && typeof actual === 'object' && Array.isArray(actual) === Array.isArray(expected);
}

/** How the decrypted answer differs from the contract's plaintext: exact fields by value, the rest by shape. */
export function compareAnswer(comment: PosComment, plaintext: unknown): string[] {
  const expected = comment.response_plaintext ?? {};
  const actual = (plaintext ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in actual)) problems.push(`the decrypted answer has no "${key}"`);
    else if (comment.exact_fields.includes(key) ? !isDeepStrictEqual(actual[key], value) : !sameShape(value, actual[key])) {
      problems.push(`the decrypted answer's "${key}" is ${JSON.stringify(actual[key])}, expected ${comment.exact_fields.includes(key) ? JSON.stringify(value) : `like ${JSON.stringify(value)}`}`);
    }
  }
  return problems;
}

function pickCrypto(envelope: { ciphertext: string; initialization_vector: string }) {
  return { ciphertext: envelope.ciphertext, initialization_vector: envelope.initialization_vector };
}

/** Re-encrypts and re-signs `req` for the target `settings` describe. */
export function prepareSignedRequest(req: ContractRequest, comment: PosComment, settings: PosSettings): void {
  // The body: the example envelope's plaintext, sealed again under the target's MSK.
  let body = Buffer.alloc(0);
  if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
    const example = req.body as Record<string, unknown>;
    const plaintext = comment.request_plaintext ?? open({ ...example, format: 'TR31-DATA', mode: 'CBC' }, TEST_MSK);
    body = Buffer.from(JSON.stringify({ ...example, ...pickCrypto(seal(plaintext, settings.msk)) }));
  }
  const { path, query } = splitTarget(req.originalUrl ?? req.url ?? '/');
  const timestamp = formatRfc3339Seconds(Date.now() - (comment.intent === 'stale-timestamp' ? 3600_000 : 0));
  const nonce = newNonce();
  const secret = comment.intent === 'bad-signature' ? `${settings.hmacSecret}-not` : settings.hmacSecret;
  const signature = sign({ method: req.method ?? 'POST', path, query, body, terminalId: settings.terminalId, timestamp, nonce }, secret);
  Object.assign(req.headers, { 'x-terminal-id': settings.terminalId, 'x-key-id': settings.keyId, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature, 'content-length': String(body.length) });
  req.body = body;
}

/** The decrypted check: a 200 opens under the target's MSK, carries its KCV, and has the contract's plaintext. */
export function decryptedAnswerProblems(comment: PosComment, status: number, raw: Buffer, settings: PosSettings): string[] {
  if (status !== 200 || !comment.response_plaintext) return [];
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    return ['the answer is not JSON'];
  }
  try {
    const plaintext = open(json, settings.msk);
    const problems = compareAnswer(comment, plaintext);
    if (typeof json.key_kcv !== 'string' || !kcvMatches(settings.msk, json.key_kcv, settings.kcvMethod)) problems.push(`key_kcv ${JSON.stringify(json.key_kcv)} is not the ${settings.kcvMethod} KCV of the MSK`);
    return problems;
  } catch (error) {
    return [`the answer does not open under the target's MSK: ${(error as Error).message}`];
  }
}
