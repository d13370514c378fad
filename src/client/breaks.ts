/**
 * Deliberate defects a check can put into an otherwise valid request. Each field breaks one
 * thing; everything not named stays correct (and signed).
 */
import type { CanonicalParts } from '../crypto/canonical';
import type { NearMiss } from './near-miss';

export interface EnvelopeBreaks {
  /** Replace `format`; null leaves the field out. */
  format?: string | null;
  /** Replace `mode`; null leaves the field out. */
  mode?: string | null;
  /** Send an IV of this many bytes (the ciphertext is still made with a valid 16-byte IV). */
  ivBytes?: number;
  /** Use this IV (hex) instead of a random one; reusing one is a legal client choice to test. */
  iv?: string;
  /** Hex case of `ciphertext` and `initialization_vector` (upper is what the seeds write). */
  hexCase?: 'upper' | 'lower' | 'mixed';
  /**
   * Malformed PKCS#7: `none` (plaintext padded with JSON spaces to whole blocks, no pad bytes),
   * `zeros` (pad bytes 0x00), `inconsistent` (pad bytes that disagree), `too-long` (a last
   * byte of 0x11, more than a block).
   */
  padding?: 'none' | 'zeros' | 'inconsistent' | 'too-long';
  /** Cut this many hex digits off the end of `ciphertext`. */
  truncateCiphertextDigits?: number;
  /** Replace `ciphertext` verbatim. */
  ciphertext?: string;
  /** Put a non-hex character into the ciphertext. */
  nonHexCiphertext?: boolean;
  /** Fields added to the envelope. */
  extraFields?: Record<string, unknown>;
}

export interface BodyFormatting {
  /** compact: no spaces (default); pretty: indented; spaced: a space after `:` and `,`. */
  spacing?: 'compact' | 'pretty' | 'spaced';
  /** Order of the envelope's keys. */
  keyOrder?: 'as-is' | 'reversed' | 'sorted';
}

/** RFC 3339 forms a client may send (PROFILE 1.2: the first MUST be accepted, the others SHOULD). */
export type TimestampForm = 'seconds' | 'fraction' | 'offset';

export interface RequestBreaks {
  /** Set (string) or remove (null) headers after signing; the signature is not recomputed. */
  headers?: Record<string, string | null>;
  /** Send, and sign, this `X-Terminal-Id`. */
  terminalId?: string;
  /**
   * Send, and sign, a timestamp this many seconds from the (target-aligned) clock, written in
   * `form` (default `seconds`: YYYY-MM-DDTHH:MM:SSZ; `fraction`: with milliseconds; `offset`:
   * the same instant at +02:00), or this exact text.
   */
  timestamp?: { skewSeconds: number; form?: TimestampForm } | string;
  /** Send, and sign, this nonce. */
  nonce?: string;
  /** Send this `X-Key-Id` (the signature is still made with the configured secret). */
  keyId?: string;
  /**
   * Sign something else: other canonical parts, another secret, the correct MAC behind another
   * prefix than `v1=` (`prefix: ''` for none), or send this exact header value.
   */
  signature?: { over?: Partial<CanonicalParts>; secret?: string; prefix?: string; value?: string };
  /** Request method, path and query (signed as sent). */
  method?: string;
  path?: string;
  query?: string;
  /** How the envelope JSON is written (the signature covers the bytes as written). */
  body?: BodyFormatting;
  envelope?: EnvelopeBreaks;
  /** Send the plaintext JSON itself instead of an envelope. */
  plaintextBody?: boolean;
  /** Encrypt these bytes instead of the plaintext JSON (a plaintext that is not JSON). */
  plaintextBytes?: Buffer;
  /** Send exactly these body bytes (signed, unless `signature` says otherwise). */
  rawBody?: string | Buffer;
  /** Pad the body with trailing spaces (valid JSON whitespace) to this many bytes, signed as sent. */
  bodyBytes?: number;
  /** One value almost right (./near-miss.ts), applied after everything above. */
  nearMiss?: NearMiss;
}
