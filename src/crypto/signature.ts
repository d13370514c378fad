/**
 * The `v1=` signature of PROFILE 1.2: standard base64 (padded) of
 * HMAC-SHA256(key = UTF-8 bytes of the secret, message = the canonical bytes).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_PREFIX } from '../profile/pos';
import { canonicalBytes, type CanonicalParts } from './canonical';

/** HMAC-SHA256 over raw bytes. */
export function hmacSha256(key: Uint8Array | string, message: Uint8Array | string): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

/** The `X-Signature` header value for these parts under this secret. */
export function sign(parts: CanonicalParts, secret: string): string {
  return formatSignature(hmacSha256(Buffer.from(secret, 'utf8'), canonicalBytes(parts)));
}

/** `v1=` + standard padded base64 of a MAC. */
export function formatSignature(mac: Uint8Array): string {
  return SIGNATURE_PREFIX + Buffer.from(mac).toString('base64');
}

/** Why a signature header did not verify. Every kind is a 401 `4001` on the wire. */
export type SignatureFailure = 'missing' | 'scheme' | 'base64' | 'length' | 'mismatch';

export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  constructor(readonly kind: SignatureFailure, message: string) {
    super(message);
  }
}

/** Standard alphabet, padding required, whole 4-character groups. */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Parses an `X-Signature` value into its 32 MAC bytes.
 * @throws SignatureError of kind missing, scheme, base64 or length.
 */
export function parseSignature(header: string | undefined): Buffer {
  if (header === undefined || header === '') throw new SignatureError('missing', 'X-Signature is missing');
  if (!header.startsWith(SIGNATURE_PREFIX)) throw new SignatureError('scheme', 'X-Signature does not start with v1=');
  const encoded = header.slice(SIGNATURE_PREFIX.length);
  if (!STRICT_BASE64.test(encoded)) throw new SignatureError('base64', 'X-Signature is not standard padded base64');
  const mac = Buffer.from(encoded, 'base64');
  // Standard base64 has one spelling per byte string: non-zero unused bits are not standard.
  if (mac.toString('base64') !== encoded) throw new SignatureError('base64', 'X-Signature is not canonical base64');
  if (mac.length !== 32) throw new SignatureError('length', `X-Signature decodes to ${mac.length} bytes, not 32`);
  return mac;
}

/**
 * Verifies an `X-Signature` value in constant time.
 * @throws SignatureError when the header is malformed or the MAC does not match.
 */
export function verifySignature(header: string | undefined, parts: CanonicalParts, secret: string): void {
  const given = parseSignature(header);
  const expected = hmacSha256(Buffer.from(secret, 'utf8'), canonicalBytes(parts));
  if (!timingSafeEqual(given, expected)) throw new SignatureError('mismatch', 'X-Signature does not match the request');
}
