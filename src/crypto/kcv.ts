/**
 * Key check values of PROFILE 1.3. The CMAC method (ANSI X9.24-1:2017 for AES keys) takes the
 * leading bytes of AES-CMAC(key, 16 zero bytes); the legacy method those of AES-ECB(key, 16 zero
 * bytes). Three bytes by default; the 5-byte form is allowed (MAY).
 */
import { aesEcbEncryptRaw, BLOCK_BYTES } from './aes';
import { aesCmac } from './cmac';
import { encodeHex } from './hex';

export type KcvMethod = 'cmac' | 'legacy';
export type KcvBytes = 3 | 5;

/** The KCV of `key` as upper-case hex (6 or 10 digits). */
export function keyCheckValue(key: Uint8Array, method: KcvMethod = 'cmac', bytes: KcvBytes = 3): string {
  const zero = Buffer.alloc(BLOCK_BYTES);
  const full = method === 'cmac' ? aesCmac(key, zero) : aesEcbEncryptRaw(key, zero);
  return encodeHex(full.subarray(0, bytes));
}

/**
 * Whether a KCV a target sent matches `key` under the declared method. The form (3 or 5 bytes)
 * is read from the length; hex of either case is accepted.
 */
export function kcvMatches(key: Uint8Array, sent: string, method: KcvMethod = 'cmac'): boolean {
  if (!/^(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{10})$/.test(sent)) return false;
  const bytes: KcvBytes = sent.length === 6 ? 3 : 5;
  return keyCheckValue(key, method, bytes) === sent.toUpperCase();
}
