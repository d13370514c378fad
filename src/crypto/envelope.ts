/**
 * The MSK envelope of PROFILE 1.3 (TR31-DATA): AES-256-CBC under the terminal's MSK, PKCS#7
 * padding, a 16-byte IV, upper-case hex out and either case in.
 */
import { randomBytesFromPool } from './random';
import { ENVELOPE_FORMAT, ENVELOPE_MODE } from '../profile/pos';
import { aesCbcDecryptRaw, aesCbcEncryptRaw, BLOCK_BYTES, pkcs7Pad, pkcs7Unpad } from './aes';
import {
  EnvelopeCiphertextLengthError,
  EnvelopeFormatError,
  EnvelopeHexError,
  EnvelopeIvLengthError,
  EnvelopeJsonError,
  EnvelopeModeError,
  EnvelopePaddingError,
  EnvelopePlaintextError,
} from './envelope-errors';
import { encodeHex } from './hex';

/** The wire form. Responses add `key_kcv`; other fields are allowed and kept. */
export interface Envelope {
  format: string;
  ciphertext: string;
  initialization_vector: string;
  mode: string;
  key_kcv?: string;
  [extra: string]: unknown;
}

export interface SealOptions {
  /** A fixed IV (vectors, replays). Default: 16 fresh random bytes. */
  iv?: Uint8Array;
  /** Added as `key_kcv` (responses). */
  kcv?: string;
}

/** PROFILE 1.3: the MSK is an AES-256 key; a key of another size is a configuration error. */
export const MSK_BYTES = 32;

function assertMsk(msk: Uint8Array): void {
  if (msk.length !== MSK_BYTES) throw new RangeError(`MSK must be ${MSK_BYTES} bytes (AES-256), got ${msk.length}`);
}

/** Encrypts raw bytes into an envelope. */
export function sealBytes(plaintext: Uint8Array, msk: Uint8Array, options: SealOptions = {}): Envelope {
  assertMsk(msk);
  if (options.iv !== undefined && options.iv.length !== BLOCK_BYTES) throw new RangeError(`IV must be ${BLOCK_BYTES} bytes, got ${options.iv.length}`);
  const iv = options.iv ?? randomBytesFromPool(BLOCK_BYTES);
  const ciphertext = aesCbcEncryptRaw(msk, iv, pkcs7Pad(plaintext));
  const envelope: Envelope = {
    format: ENVELOPE_FORMAT,
    ciphertext: encodeHex(ciphertext),
    initialization_vector: encodeHex(iv),
    mode: ENVELOPE_MODE,
  };
  if (options.kcv !== undefined) envelope.key_kcv = options.kcv;
  return envelope;
}

/** Encrypts a JSON value (serialised compactly, UTF-8) into an envelope. */
export function seal(plaintext: unknown, msk: Uint8Array, options: SealOptions = {}): Envelope {
  return sealBytes(Buffer.from(JSON.stringify(plaintext), 'utf8'), msk, options);
}

/** Reads an envelope from raw body text; the body must be a JSON object. */
export function parseEnvelope(raw: string | Uint8Array): Record<string, unknown> {
  const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EnvelopeJsonError('envelope is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EnvelopeJsonError('envelope is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

const HEX_DIGITS = /^[0-9A-Fa-f]*$/;

function hexField(envelope: Record<string, unknown>, field: string): string {
  const value = envelope[field];
  if (typeof value !== 'string') throw new EnvelopeHexError(`${field} is missing or not a string`);
  if (!HEX_DIGITS.test(value)) throw new EnvelopeHexError(`${field} is not hex`);
  return value;
}

/**
 * Decrypts an envelope to its plaintext bytes, checking each field in a fixed order: JSON,
 * format, mode, IV hex and length, ciphertext hex and length, padding.
 * @throws EnvelopeError (a subclass per malformation).
 */
export function openBytes(input: string | Uint8Array | Record<string, unknown>, msk: Uint8Array): Buffer {
  assertMsk(msk);
  const envelope = typeof input === 'string' || input instanceof Uint8Array ? parseEnvelope(input) : input;
  if (envelope.format !== ENVELOPE_FORMAT) throw new EnvelopeFormatError(`format is not ${ENVELOPE_FORMAT}`);
  if (envelope.mode !== ENVELOPE_MODE) throw new EnvelopeModeError(`mode is not ${ENVELOPE_MODE}`);
  const ivHex = hexField(envelope, 'initialization_vector');
  if (ivHex.length !== BLOCK_BYTES * 2) {
    throw new EnvelopeIvLengthError(`initialization_vector has ${ivHex.length} hex digits, not 32`);
  }
  const ctHex = hexField(envelope, 'ciphertext');
  if (ctHex.length === 0 || ctHex.length % (BLOCK_BYTES * 2) !== 0) {
    throw new EnvelopeCiphertextLengthError(`ciphertext has ${ctHex.length} hex digits, not a non-zero multiple of 32`);
  }
  const padded = aesCbcDecryptRaw(msk, Buffer.from(ivHex, 'hex'), Buffer.from(ctHex, 'hex'));
  const plaintext = pkcs7Unpad(padded);
  if (plaintext === null) throw new EnvelopePaddingError('PKCS#7 padding is invalid');
  return plaintext;
}

/**
 * Invalid UTF-8 is an error. A leading byte order mark is dropped: RFC 8259 8.1 lets a JSON
 * reader ignore one, and PROFILE does not make it a malformation.
 */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decrypts an envelope and parses its plaintext as UTF-8 JSON.
 * @throws EnvelopeError (a subclass per malformation).
 */
export function open(input: string | Uint8Array | Record<string, unknown>, msk: Uint8Array): unknown {
  const bytes = openBytes(input, msk);
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    throw new EnvelopePlaintextError('plaintext is not UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EnvelopePlaintextError('plaintext is not JSON');
  }
}
