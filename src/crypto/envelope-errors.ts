/**
 * One error class per way a TR31-DATA envelope can be malformed (PROFILE 1.3). A target answers
 * every one of them 400 `4000`; the harness names the kind in its messages.
 */

export type EnvelopeFailure =
  | 'json'
  | 'format'
  | 'mode'
  | 'hex'
  | 'iv_length'
  | 'ciphertext_length'
  | 'padding'
  | 'plaintext';

export abstract class EnvelopeError extends Error {
  abstract readonly kind: EnvelopeFailure;
}

/** The body is not JSON, or not a JSON object. */
export class EnvelopeJsonError extends EnvelopeError {
  override readonly name = 'EnvelopeJsonError';
  readonly kind = 'json';
}
/** `format` is missing or not exactly `TR31-DATA`. */
export class EnvelopeFormatError extends EnvelopeError {
  override readonly name = 'EnvelopeFormatError';
  readonly kind = 'format';
}
/** `mode` is missing or not exactly `CBC`. */
export class EnvelopeModeError extends EnvelopeError {
  override readonly name = 'EnvelopeModeError';
  readonly kind = 'mode';
}
/** `ciphertext` or `initialization_vector` is missing, not a string, or not hex digits. */
export class EnvelopeHexError extends EnvelopeError {
  override readonly name = 'EnvelopeHexError';
  readonly kind = 'hex';
}
/** `initialization_vector` is not 32 hex digits (16 bytes). */
export class EnvelopeIvLengthError extends EnvelopeError {
  override readonly name = 'EnvelopeIvLengthError';
  readonly kind = 'iv_length';
}
/** `ciphertext` is empty or not a multiple of 32 hex digits (whole AES blocks). */
export class EnvelopeCiphertextLengthError extends EnvelopeError {
  override readonly name = 'EnvelopeCiphertextLengthError';
  readonly kind = 'ciphertext_length';
}
/** The decrypted bytes do not end in valid PKCS#7 padding. */
export class EnvelopePaddingError extends EnvelopeError {
  override readonly name = 'EnvelopePaddingError';
  readonly kind = 'padding';
}
/** The plaintext is not UTF-8 JSON. */
export class EnvelopePlaintextError extends EnvelopeError {
  override readonly name = 'EnvelopePlaintextError';
  readonly kind = 'plaintext';
}
