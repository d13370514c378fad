/** A request and an answer as bytes on the wire: what is sent, what came back. */

export interface WireRequest {
  method: string;
  path: string;
  /** Raw query without `?`; empty for none. */
  query: string;
  /** In sending order; names as written. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** The plaintext that the body encrypts (kept for reports, redacted there). */
  plaintext?: unknown;
}

export interface WireResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  /** True when the body was cut at the answer budget (`body` holds only its start). */
  truncated: boolean;
  /** Of a cut answer: the answer budget it was cut at, bytes. */
  budget?: number;
  /** Of an answer cut at once because its Content-Length was over the budget: that length. */
  announcedBytes?: number;
  durationMs: number;
}

/** `path?query` as it goes on the request line. */
export function requestTarget(req: Pick<WireRequest, 'path' | 'query'>): string {
  return req.query === '' ? req.path : `${req.path}?${req.query}`;
}

/** A byte count as people read it: `4 MiB`, `64 KiB`, `1.5 MiB`, `1000 bytes`. */
export function describeBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
