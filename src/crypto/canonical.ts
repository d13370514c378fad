/**
 * The canonical string of PROFILE 1.2: METHOD, PATH, QUERY, BODY, X-Terminal-Id, X-Timestamp,
 * X-Nonce joined with "\n", no trailing newline. The body is taken as raw bytes, exactly as
 * sent, so the canonical form is bytes, not text.
 */

/** The seven components, each exactly as it travels on the wire. */
export interface CanonicalParts {
  /** HTTP method, as sent (the API only uses POST). */
  method: string;
  /** Request path without the query, as sent (not percent-decoded). */
  path: string;
  /** Raw query string without `?`; empty when there is none. */
  query: string;
  /** Raw request body bytes; empty for cancel/reverse. */
  body: Uint8Array | string;
  terminalId: string;
  timestamp: string;
  nonce: string;
}

const NEWLINE = Buffer.from('\n');

/** The seven elements of the canonical string in order, as bytes: text parts UTF-8 encoded, the body verbatim. */
export function canonicalPieces(parts: CanonicalParts): Buffer[] {
  const text = (p: string) => Buffer.from(p, 'utf8');
  // A view of the body's bytes, not a copy: a body-size probe signs megabytes.
  const body = typeof parts.body === 'string' ? text(parts.body) : Buffer.from(parts.body.buffer, parts.body.byteOffset, parts.body.byteLength);
  return [text(parts.method), text(parts.path), text(parts.query), body, text(parts.terminalId), text(parts.timestamp), text(parts.nonce)];
}

/** Pieces joined by single newlines, none at the end: how the canonical string is made of its elements. */
export function joinCanonical(pieces: readonly Buffer[]): Buffer {
  return Buffer.concat(pieces.flatMap((piece, i) => (i === 0 ? [piece] : [NEWLINE, piece])));
}

/** The canonical string as bytes: text parts UTF-8 encoded, the body verbatim. */
export function canonicalBytes(parts: CanonicalParts): Buffer {
  return joinCanonical(canonicalPieces(parts));
}

/** The canonical string as text, for display and for vectors (body decoded as UTF-8). */
export function canonicalString(parts: CanonicalParts): string {
  return canonicalBytes(parts).toString('utf8');
}

/** Splits a request target (`/path?query`) into the PATH and QUERY components. */
export function splitTarget(target: string): { path: string; query: string } {
  const at = target.indexOf('?');
  return at < 0 ? { path: target, query: '' } : { path: target.slice(0, at), query: target.slice(at + 1) };
}
