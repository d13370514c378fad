/**
 * PROFILE 1.2: the signature over the canonical string of the request exactly as sent (raw
 * path, raw query, raw body bytes, header values as sent), under the secret of `X-Key-Id`.
 */
import type { CanonicalParts } from '../../../../crypto/canonical';
import { SignatureError, verifySignature } from '../../../../crypto/signature';
import { HEADER } from '../../../../profile/pos';
import { reject, type Rejection } from '../rejection';
import { header, type PosRequest } from '../request';
import type { RuleContext } from './context';

export function canonicalPartsOf(req: PosRequest, _ctx?: RuleContext): CanonicalParts {
  return {
    method: req.method,
    path: req.path,
    query: req.query,
    body: req.body,
    terminalId: header(req, HEADER.terminalId) ?? '',
    timestamp: header(req, HEADER.timestamp) ?? '',
    nonce: header(req, HEADER.nonce) ?? '',
  };
}

/** The HMAC secret for a key id, or undefined for an unknown key. */
export function secretFor(keyId: string, ctx: RuleContext): string | undefined {
  return Object.prototype.hasOwnProperty.call(ctx.options.keys, keyId) ? ctx.options.keys[keyId] : undefined;
}

export function checkSignature(value: string | undefined, parts: CanonicalParts, secret: string): Rejection | null {
  try {
    verifySignature(value, parts, secret);
    return null;
  } catch (error) {
    if (error instanceof SignatureError) return reject.unauthorized(error.message);
    throw error;
  }
}
