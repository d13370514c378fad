/**
 * The AADE parameters a Viva request carries (PROFILE 3): signed with the provider key, or one of
 * the near misses a terminal must refuse. Every near miss but `bad-signature` is signed validly
 * over the data it sends, so that only the format rule it breaks can refuse it: a terminal whose
 * base64 decoder skips junk (Node's `Buffer.from`, Python's `b64decode`) or reads the URL-safe
 * alphabet verifies the signature, and one that counts fields with Java's `split` (trailing empty
 * fields dropped) takes nine fields for eight.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { aadeSignatureData, signAadeData } from './protocol/aade';
import type { RequestField } from './protocol/request';

export const AADE_MODES = [
  /** The seed's shape, signed by the provider key. */
  'signed',
  /** A well-formed signature (64 bytes, base64) of other data: it does not verify. */
  'bad-signature',
  /** The valid signature with a `*` inserted in the middle: not base64. */
  'signature-junk',
  /** The valid signature in the URL-safe alphabet (`-` and `_` for `+` and `/`): base64url, not base64. */
  'signature-url-safe',
  /** Signature data of 7 fields (the TID left out), signed. */
  'data-7-fields',
  /** Signature data of 9 fields (one more after the TID), signed. */
  'data-9-fields',
  /** The 8 fields and a trailing `;`: 9 fields, the last empty (8 to Java's `split`), signed. */
  'data-trailing-separator',
  /** The 8 fields with the third (date and time) empty: only the second (MARK) may be, signed. */
  'data-empty-field',
] as const;
export type AadeMode = (typeof AADE_MODES)[number];

export interface AadeSigner {
  providerId: string;
  /** The provider's private key. Never printed. */
  key: KeyObject;
}

/** The three AADE parameters of a cancel of `amount` (cents as text, when digits) in `mode`. */
export function aadeFieldsFor(mode: AadeMode, amount: string | null | undefined, signer: AadeSigner): Partial<Record<RequestField, string>> {
  const cents = amount && /^\d+$/.test(amount) ? Number(amount) : 0;
  const data = dataFor(mode, aadeSignatureData(randomBytes(20).toString('hex').toUpperCase(), new Date(), cents, 'PAYCERT1'));
  return { aadeProviderId: signer.providerId, aadeProviderSignatureData: data, aadeProviderSignature: signatureFor(mode, data, signer.key) };
}

function dataFor(mode: AadeMode, data: string): string {
  const fields = data.split(';');
  if (mode === 'data-7-fields') return fields.slice(0, 7).join(';');
  if (mode === 'data-9-fields') return `${data};1`;
  if (mode === 'data-trailing-separator') return `${data};`;
  if (mode === 'data-empty-field') return fields.map((value, i) => (i === 2 ? '' : value)).join(';');
  return data;
}

function signatureFor(mode: AadeMode, data: string, key: KeyObject): string {
  // A bad signature is a real signature of other data: well-formed base64 of 64 bytes that does not verify.
  if (mode === 'bad-signature') return signAadeData(`${data}x`, key);
  if (mode === 'signature-junk') {
    const signature = signAadeData(data, key);
    return `${signature.slice(0, 44)}*${signature.slice(44)}`;
  }
  if (mode === 'signature-url-safe') return urlSafe(data, key);
  return signAadeData(data, key);
}

/**
 * A valid signature written in the URL-safe alphabet. ECDSA signatures are random, so one with a
 * `+` or `/` to rewrite turns up within a few tries (each of 86 characters is one of them with
 * probability 1/32); without one the request would be plain base64.
 */
function urlSafe(data: string, key: KeyObject): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const signature = signAadeData(data, key);
    if (/[+/]/.test(signature)) return signature.replace(/\+/g, '-').replace(/\//g, '_');
  }
  throw new Error('no ECDSA signature with a "+" or "/" in 100 tries');
}
