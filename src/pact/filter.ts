/**
 * The verifier's request filter, which is what lets Pact verify an API whose bodies are encrypted
 * and whose signature covers the raw body. For each request of an interaction paycert wrote, it
 * re-encrypts the plaintext (from the example envelope, under the published test MSK) under the
 * target's MSK, signs with the target's secret, a fresh timestamp and nonce (or wrong on purpose
 * for the negative interactions), and replaces the body with a Buffer and a right content-length.
 * It also captures the answer, so the decrypted plaintext can be checked against the contract's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { newNonce } from '../client/build';
import { splitTarget } from '../crypto/canonical';
import { open, seal } from '../crypto/envelope';
import { kcvMatches } from '../crypto/kcv';
import { sign } from '../crypto/signature';
import { formatRfc3339Seconds } from '../profile/rfc3339';
import type { ResolvedTarget } from '../config/resolved';
import { CUT_HEADER, NO_ANSWER_HEADER } from './guard';
import { INTERACTION_HEADER } from './names';
import type { PaycertComment } from './contract-file';
import { TEST_MSK } from './examples';

export interface Observation {
  status: number;
  /** What is wrong with the decrypted answer, in words (empty: nothing). */
  problems: string[];
}

type Req = IncomingMessage & { body?: unknown; originalUrl?: string; path?: string };

/** The same JSON type, and for strings not empty: what "like" means for fields that change per run. */
function sameShape(expected: unknown, actual: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return typeof actual === typeof expected && (typeof actual !== 'string' || actual !== '');
  return actual !== null && typeof actual === 'object' && Array.isArray(actual) === Array.isArray(expected);
}

export function compareAnswer(comment: PaycertComment, plaintext: unknown): string[] {
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

export function requestFilter(target: ResolvedTarget, byId: ReadonlyMap<string, PaycertComment>, observed: Map<string, Observation>) {
  return (req: Req, res: ServerResponse, next: () => void): void => {
    const id = req.headers[INTERACTION_HEADER.toLowerCase()];
    const comment = typeof id === 'string' ? byId.get(id) : undefined;
    if (req.path === '/_pactSetup' || !comment) return next();
    delete req.headers[INTERACTION_HEADER.toLowerCase()];
    if (comment.profile === 'vpws') {
      // Plain JSON: Pact's own matchers see the whole answer; paycert only notes that it came.
      res.on('finish', () => observed.set(comment.interaction, { status: res.statusCode, problems: budgetProblems(res) }));
      return vpwsRequest(req, comment, target, next);
    }

    // The body: the example envelope's plaintext, sealed again under the target's MSK.
    let body = Buffer.alloc(0);
    if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
      const example = req.body as Record<string, unknown>;
      const plaintext = comment.request_plaintext ?? open({ ...example, format: 'TR31-DATA', mode: 'CBC' }, TEST_MSK);
      body = Buffer.from(JSON.stringify({ ...example, ...pickCrypto(seal(plaintext, target.msk)) }));
    }
    const { path, query } = splitTarget(req.originalUrl ?? req.url ?? '/');
    const timestamp = formatRfc3339Seconds(Date.now() - (comment.intent === 'stale-timestamp' ? 3600_000 : 0));
    const nonce = newNonce();
    const secret = comment.intent === 'bad-signature' ? `${target.hmacSecret}-not` : target.hmacSecret;
    const signature = sign({ method: req.method ?? 'POST', path, query, body, terminalId: target.terminalId, timestamp, nonce }, secret);
    Object.assign(req.headers, { 'x-terminal-id': target.terminalId, 'x-key-id': target.keyId, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature, 'content-length': String(body.length) });
    req.body = body;

    // Capture the answer as it streams back through the proxy.
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.from(chunk as Buffer));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer));
      const cut = budgetProblems(res);
      observed.set(comment.interaction, { status: res.statusCode, problems: cut.length ? cut : checkAnswer(comment, res.statusCode, Buffer.concat(chunks), target) });
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  };
}

/** VPWS: the body as Pact built it (with the provider state's referenceCode), the dealer's token from the target config. */
function vpwsRequest(req: Req, comment: PaycertComment, target: ResolvedTarget, next: () => void): void {
  const body = Buffer.from(JSON.stringify(req.body ?? {}));
  const token = comment.token === 'dealer_a' || comment.token === 'dealer_b' ? target.tokens?.[comment.token] : comment.token === 'invalid' ? 'paycert-not-a-valid-token' : undefined;
  if (token) req.headers.authorization = `Bearer ${token}`;
  else delete req.headers.authorization;
  req.headers['content-length'] = String(body.length);
  req.body = body;
  next();
}

/** What the guard (guard.ts) said of the answer: cut at the answer budget, or none came in time. */
function budgetProblems(res: ServerResponse): string[] {
  const lost = res.getHeader(NO_ANSWER_HEADER);
  if (lost !== undefined) return [`no answer from the target: ${String(lost)}`];
  const cut = res.getHeader(CUT_HEADER);
  return cut === undefined ? [] : [String(cut)];
}

function pickCrypto(envelope: { ciphertext: string; initialization_vector: string }) {
  return { ciphertext: envelope.ciphertext, initialization_vector: envelope.initialization_vector };
}

/** The decrypted check: a 200 opens under the target's MSK, carries its KCV, and has the contract's plaintext. */
function checkAnswer(comment: PaycertComment, status: number, raw: Buffer, target: ResolvedTarget): string[] {
  if (status !== 200 || !comment.response_plaintext) return [];
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    return ['the answer is not JSON'];
  }
  try {
    const plaintext = open(json, target.msk);
    const problems = compareAnswer(comment, plaintext);
    if (typeof json.key_kcv !== 'string' || !kcvMatches(target.msk, json.key_kcv, target.kcvMethod)) problems.push(`key_kcv ${JSON.stringify(json.key_kcv)} is not the ${target.kcvMethod} KCV of the MSK`);
    return problems;
  } catch (error) {
    return [`the answer does not open under the target's MSK: ${(error as Error).message}`];
  }
}
