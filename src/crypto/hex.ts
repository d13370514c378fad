/** Hex text as PROFILE 1.3 reads it: upper case out, either case in. */

const HEX_PATTERN = /^(?:[0-9A-Fa-f]{2})*$/;

/** True when `text` is an even-length string of hex digits (either case). */
export function isHex(text: string): boolean {
  return HEX_PATTERN.test(text);
}

/** Decodes hex of either case; returns null for anything that is not whole bytes of hex digits. */
export function decodeHex(text: string): Buffer | null {
  return isHex(text) ? Buffer.from(text, 'hex') : null;
}

/** Encodes bytes as upper-case hex, the form the seeds write. */
export function encodeHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}
