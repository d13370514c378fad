/** A request as the target sees it, body read, before any rule has looked at it. */
import type { IncomingHttpHeaders } from 'node:http';

export interface PosRequest {
  method: string;
  /** The raw request-target (path and query) exactly as sent. */
  target: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One header's value; repeated headers count as malformed (a client sends each once). */
export function header(req: PosRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
