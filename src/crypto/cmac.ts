/** AES-CMAC per NIST SP 800-38B (RFC 4493 for AES-128), built on the raw AES block cipher. */
import { aesEcbEncryptRaw, BLOCK_BYTES } from './aes';

/** The constant R_128 of SP 800-38B 5.3. */
const RB = 0x87;

/** Shifts a block one bit left; the bit shifted out is dropped. */
function shiftLeft(block: Buffer): Buffer {
  const out = Buffer.alloc(block.length);
  for (let i = 0; i < block.length; i++) {
    out[i] = ((block[i]! << 1) & 0xff) | (i + 1 < block.length ? block[i + 1]! >> 7 : 0);
  }
  return out;
}

function double(block: Buffer): Buffer {
  const shifted = shiftLeft(block);
  if (block[0]! & 0x80) shifted[BLOCK_BYTES - 1] = shifted[BLOCK_BYTES - 1]! ^ RB;
  return shifted;
}

/** The subkeys K1 and K2 of SP 800-38B 6.1. */
export function cmacSubkeys(key: Uint8Array): { k1: Buffer; k2: Buffer } {
  const l = aesEcbEncryptRaw(key, Buffer.alloc(BLOCK_BYTES));
  const k1 = double(l);
  return { k1, k2: double(k1) };
}

function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** The full 16-byte AES-CMAC tag of `message` under `key` (16, 24 or 32 bytes). */
export function aesCmac(key: Uint8Array, message: Uint8Array): Buffer {
  const { k1, k2 } = cmacSubkeys(key);
  const blocks = Math.max(1, Math.ceil(message.length / BLOCK_BYTES));
  const complete = message.length > 0 && message.length % BLOCK_BYTES === 0;
  const lastStart = (blocks - 1) * BLOCK_BYTES;
  const tail = Buffer.from(message.subarray(lastStart));
  const last = complete
    ? xor(tail, k1)
    : xor(Buffer.concat([tail, Buffer.from([0x80]), Buffer.alloc(BLOCK_BYTES - tail.length - 1)]), k2);
  let state: Buffer = Buffer.alloc(BLOCK_BYTES);
  for (let i = 0; i < blocks - 1; i++) {
    state = aesEcbEncryptRaw(key, xor(state, message.subarray(i * BLOCK_BYTES, (i + 1) * BLOCK_BYTES)));
  }
  return aesEcbEncryptRaw(key, xor(state, last));
}
