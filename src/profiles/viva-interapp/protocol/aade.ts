/**
 * The AADE parameters of seed 003 (Greek merchants): the 8-field signature data and its ECDSA
 * P-256 / SHA-256 signature, sent in base64.
 *
 * The seed's sample signature is 64 bytes: the raw r||s form (IEEE P1363). DER is what most
 * libraries produce by default, so both are accepted; which one a provider sends is not in the
 * seed (docs/profile-decisions.md).
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** Receipt UID; MARK; date and time; amount; sum without tax; VAT; sum with tax; TID. */
export const SIGNATURE_DATA_FIELDS = ['receipt UID', 'MARK', 'date and time', 'amount to be paid', 'sum without tax', 'VAT percentage', 'sum with tax', 'TID'] as const;

/** What is wrong with the signature data, or undefined when it has 8 fields as PROFILE 3 says. */
export function signatureDataProblem(data: string): string | undefined {
  const fields = data.split(';');
  if (fields.length !== SIGNATURE_DATA_FIELDS.length) return `has ${fields.length} fields separated by ";", not 8 (${SIGNATURE_DATA_FIELDS.join('; ')})`;
  const empty = fields.flatMap((value, i) => (value === '' && i !== 1 ? [SIGNATURE_DATA_FIELDS[i]] : []));
  if (empty.length > 0) return `has empty ${empty.join(', ')} (only the second field, MARK, may be empty)`;
  return undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The signature's bytes, or undefined when it is not base64. */
export function decodeSignature(text: string): Buffer | undefined {
  return text !== '' && BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

/** Reads a provider public key (PEM, SPKI); throws when it is not an EC P-256 key. */
export function readProviderKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('the AADE provider key is not an EC P-256 public key');
  }
  return key;
}

/** Reads a provider private key (PEM, PKCS#8 or SEC1); throws when it is not an EC P-256 key. */
export function readProviderPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('the AADE provider key is not an EC P-256 private key');
  }
  return key;
}

/** Signs the signature data as the seed's sample is signed: ECDSA P-256 / SHA-256, raw r||s, base64. */
export function signAadeData(data: string, key: KeyObject): string {
  return sign('sha256', Buffer.from(data, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }).toString('base64');
}

/**
 * Signature data of the seed's shape for a cancel of `amount` cents: receipt UID (40 hex digits);
 * empty MARK; yyyyMMddHHmmss; amount; sum without tax; VAT percentage (hundredths); sum with tax; TID.
 */
export function aadeSignatureData(receiptUid: string, when: Date, amount: number, tid: string): string {
  const stamp = when.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const net = Math.round(amount / 1.24);
  return [receiptUid, '', stamp, String(amount), String(net), '2400', String(amount), tid].join(';');
}

/** True when `signature` is an ECDSA P-256 / SHA-256 signature of `data` (P1363 or DER). */
export function verifyAadeSignature(data: string, signature: Buffer, key: KeyObject): boolean {
  const dsaEncoding = signature.length === 64 ? 'ieee-p1363' : 'der';
  try {
    return verify('sha256', Buffer.from(data, 'utf8'), { key, dsaEncoding }, signature);
  } catch {
    return false; // a DER blob that does not parse is a signature that does not verify
  }
}
