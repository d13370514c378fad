/** Building a request envelope, correct or broken on purpose as EnvelopeBreaks says. */
import { randomBytes } from 'node:crypto';
import { randomBytesFromPool } from '../crypto/random';
import { aesCbcEncryptRaw, BLOCK_BYTES, pkcs7Pad } from '../crypto/aes';
import { sealBytes, type Envelope } from '../crypto/envelope';
import { encodeHex } from '../crypto/hex';
import type { BodyFormatting, EnvelopeBreaks } from './breaks';

function badlyPadded(plaintext: Buffer, padding: NonNullable<EnvelopeBreaks['padding']>): Buffer {
  if (padding === 'none') {
    const spaces = (BLOCK_BYTES - (plaintext.length % BLOCK_BYTES)) % BLOCK_BYTES;
    return Buffer.concat([plaintext, Buffer.alloc(spaces, 0x20)]);
  }
  const padded = pkcs7Pad(plaintext);
  const count = padded[padded.length - 1]!;
  if (padding === 'zeros') padded.fill(0, padded.length - count);
  if (padding === 'too-long') padded[padded.length - 1] = BLOCK_BYTES + 1;
  if (padding === 'inconsistent') {
    // Make sure there are at least two pad bytes to disagree.
    const two = count >= 2 ? padded : pkcs7Pad(Buffer.concat([plaintext, Buffer.from(' '.repeat(BLOCK_BYTES - 1))]));
    two[two.length - 2] = two[two.length - 1]! ^ 0x01;
    return two;
  }
  return padded;
}

function recase(hex: string, hexCase: EnvelopeBreaks['hexCase']): string {
  if (hexCase === 'lower') return hex.toLowerCase();
  if (hexCase === 'mixed') return [...hex].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join('');
  return hex.toUpperCase();
}

/** The envelope object for `plaintext` under `msk`, with the breaks applied. */
export function buildEnvelope(plaintext: Buffer, msk: Buffer, breaks: EnvelopeBreaks = {}): Record<string, unknown> {
  const iv = breaks.iv !== undefined ? Buffer.from(breaks.iv, 'hex') : randomBytesFromPool(BLOCK_BYTES);
  let envelope: Envelope;
  if (breaks.padding !== undefined) {
    const ciphertext = aesCbcEncryptRaw(msk, iv, badlyPadded(plaintext, breaks.padding));
    envelope = { format: 'TR31-DATA', ciphertext: encodeHex(ciphertext), initialization_vector: encodeHex(iv), mode: 'CBC' };
  } else {
    envelope = sealBytes(plaintext, msk, { iv });
  }
  const out: Record<string, unknown> = { ...envelope };
  if (breaks.ivBytes !== undefined) out.initialization_vector = encodeHex(Buffer.concat([iv, randomBytes(64)]).subarray(0, breaks.ivBytes));
  let ciphertext = breaks.ciphertext ?? (out.ciphertext as string);
  if (breaks.truncateCiphertextDigits) ciphertext = ciphertext.slice(0, Math.max(0, ciphertext.length - breaks.truncateCiphertextDigits));
  if (breaks.nonHexCiphertext) ciphertext = `${ciphertext.slice(0, -1)}G`;
  out.ciphertext = recase(ciphertext, breaks.hexCase);
  out.initialization_vector = recase(out.initialization_vector as string, breaks.hexCase);
  if (breaks.format !== undefined) setOrDrop(out, 'format', breaks.format);
  if (breaks.mode !== undefined) setOrDrop(out, 'mode', breaks.mode);
  return { ...out, ...breaks.extraFields };
}

function setOrDrop(target: Record<string, unknown>, key: string, value: string | null): void {
  if (value === null) delete target[key];
  else target[key] = value;
}

/** Writes a JSON object as the formatting asks (the bytes the signature will cover). */
export function writeJson(value: Record<string, unknown>, formatting: BodyFormatting = {}): string {
  let entries = Object.entries(value);
  if (formatting.keyOrder === 'reversed') entries = entries.reverse();
  if (formatting.keyOrder === 'sorted') entries = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered = Object.fromEntries(entries);
  if (formatting.spacing === 'pretty') return JSON.stringify(ordered, null, 2);
  if (formatting.spacing === 'spaced') {
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)} : ${JSON.stringify(v)}`).join(' , ')} }`;
  }
  return JSON.stringify(ordered);
}
