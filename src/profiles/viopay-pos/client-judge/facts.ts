/**
 * What the judge reads out of a request once, for every check to share: the route it names, and
 * its body as the app meant it (nothing, plaintext JSON sent in clear, or an envelope: opened, or
 * the first malformation found, in the order a target finds them).
 */
import { openBytes, parseEnvelope } from '../../../crypto/envelope';
import { EnvelopeError, type EnvelopeFailure } from '../../../crypto/envelope-errors';
import { matchRoute, type Route } from '../target/rules/routes';
import type { ClientRequest } from './types';

/** The credentials the judge serves (one terminal, one key): what it verifies and decrypts with. */
export interface JudgeKeys {
  terminalId: string;
  keyId: string;
  /** Never printed. */
  hmacSecret: string;
  /** Never printed. */
  msk: Buffer;
}

export type BodyFacts =
  | { kind: 'empty' }
  /** A JSON object with none of the envelope's fields: the plaintext sent in clear. */
  | { kind: 'clear'; plaintext: unknown }
  | { kind: 'envelope'; ivHex?: string; problem: { failure: EnvelopeFailure; message: string } }
  | { kind: 'envelope'; ivHex: string; plaintextBytes: Buffer; plaintext: unknown };

export interface RequestFacts {
  route: Route | null;
  body: BodyFacts;
  /** The plaintext the body carries (opened or sent in clear), when there is one. */
  plaintext?: unknown;
}

const ENVELOPE_FIELDS = ['format', 'ciphertext', 'initialization_vector', 'mode'];
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function clearPlaintext(body: Buffer): unknown {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    return ENVELOPE_FIELDS.some((f) => f in parsed) ? undefined : parsed;
  } catch {
    return undefined;
  }
}

/**
 * Under a wrong IV, CBC garbles the first block only: when the rest reads as JSON text, the app
 * encrypted under another IV than the one it sent (a zero IV, or the previous request's).
 */
function firstBlockHint(plaintext: Buffer): string {
  const rest = plaintext.subarray(16);
  return rest.length > 0 && /^[\x20-\x7e]*\}\s*$/.test(rest.toString('latin1'))
    ? ': only its first block is garbled, so the IV sent is not the IV it was encrypted with'
    : '';
}

function bodyFacts(body: Buffer, msk: Buffer): BodyFacts {
  if (body.length === 0) return { kind: 'empty' };
  const clear = clearPlaintext(body);
  if (clear !== undefined) return { kind: 'clear', plaintext: clear };
  let ivHex: string | undefined;
  try {
    const envelope = parseEnvelope(body);
    if (typeof envelope.initialization_vector === 'string') ivHex = envelope.initialization_vector;
    const plaintextBytes = openBytes(envelope, msk);
    const unreadable = (what: string) => ({ kind: 'envelope' as const, ...(ivHex !== undefined && { ivHex }), problem: { failure: 'plaintext' as const, message: `${what}${firstBlockHint(plaintextBytes)}` } });
    let text: string;
    try {
      text = STRICT_UTF8.decode(plaintextBytes);
    } catch {
      return unreadable('the decrypted plaintext is not UTF-8');
    }
    let plaintext: unknown;
    try {
      plaintext = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return unreadable('the decrypted plaintext is not JSON');
    }
    return { kind: 'envelope', ivHex: ivHex ?? '', plaintextBytes, plaintext };
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    return { kind: 'envelope', ...(ivHex !== undefined && { ivHex }), problem: { failure: error.kind, message: error.message } };
  }
}

/** The facts of one request (the judge caches them per request). */
export function factsOf(request: ClientRequest, keys: JudgeKeys): RequestFacts {
  const body = bodyFacts(request.body, keys.msk);
  const facts: RequestFacts = { route: matchRoute(request.path), body };
  if (body.kind === 'clear' || (body.kind === 'envelope' && 'plaintext' in body)) facts.plaintext = body.plaintext;
  return facts;
}
