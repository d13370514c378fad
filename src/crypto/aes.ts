/**
 * AES primitives on node:crypto with padding kept apart, so the known-answer vectors (raw,
 * unpadded blocks) and the envelope (PKCS#7) run through the same cipher code.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';

export const BLOCK_BYTES = 16;

function algorithm(mode: 'cbc' | 'ecb', key: Uint8Array): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${key.length}`);
  }
  return `aes-${key.length * 8}-${mode}`;
}

function assertBlocks(data: Uint8Array): void {
  if (data.length % BLOCK_BYTES !== 0) throw new RangeError(`data is ${data.length} bytes, not whole AES blocks`);
}

/** AES-CBC encryption of whole blocks, no padding. */
export function aesCbcEncryptRaw(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data);
  const cipher = createCipheriv(algorithm('cbc', key), key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** AES-CBC decryption of whole blocks, no padding removed. */
export function aesCbcDecryptRaw(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data);
  const decipher = createDecipheriv(algorithm('cbc', key), key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** AES-ECB encryption of whole blocks (the block cipher itself, used by CMAC and the legacy KCV). */
export function aesEcbEncryptRaw(key: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data);
  const cipher = createCipheriv(algorithm('ecb', key), key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** PKCS#7: 1 to 16 bytes, each equal to the count. */
export function pkcs7Pad(data: Uint8Array): Buffer {
  const count = BLOCK_BYTES - (data.length % BLOCK_BYTES);
  return Buffer.concat([Buffer.from(data), Buffer.alloc(count, count)]);
}

/** Removes PKCS#7 padding; null when the padding is not valid (every pad byte is checked). */
export function pkcs7Unpad(data: Uint8Array): Buffer | null {
  if (data.length === 0 || data.length % BLOCK_BYTES !== 0) return null;
  const count = data[data.length - 1]!;
  if (count < 1 || count > BLOCK_BYTES) return null;
  for (let i = data.length - count; i < data.length; i++) if (data[i] !== count) return null;
  return Buffer.from(data.subarray(0, data.length - count));
}
