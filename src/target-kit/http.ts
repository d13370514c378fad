/** Reading a request body with a cap and writing JSON answers; no API rule lives here. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from '../profile/pos';

/** Past this many bytes the target stops draining an oversized body and drops the connection. */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

export type BodyRead = { ok: true; body: Buffer } | { ok: false; tooLarge: true; drained: boolean };

/**
 * Reads the body as `readBody` does; when the client goes away mid-body, drops the connection and
 * answers undefined: nobody is left to answer, and it is not the server's fault.
 */
export async function readBodyOrDrop(req: IncomingMessage): Promise<BodyRead | undefined> {
  try {
    return await readBody(req);
  } catch {
    req.destroy();
    return undefined;
  }
}

/** After refusing an oversized body: unless it was drained, drop the connection once the refusal is out. */
export function dropUnlessDrained(read: BodyRead & { ok: false }, req: IncomingMessage, res: ServerResponse): void {
  if (!read.drained) res.on('finish', () => req.destroy());
}

/**
 * Reads the body. A body over MAX_BODY_BYTES is refused, but drained first (up to a limit) so the
 * client can read the refusal instead of a reset connection.
 */
export function readBody(req: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > DRAIN_LIMIT_BYTES) {
      settled = true;
      resolve({ ok: false, tooLarge: true, drained: false });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      if (size > DRAIN_LIMIT_BYTES && !settled) {
        settled = true;
        req.pause();
        resolve({ ok: false, tooLarge: true, drained: false });
      }
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(size > MAX_BODY_BYTES ? { ok: false, tooLarge: true, drained: true } : { ok: true, body: Buffer.concat(chunks) });
    });
    req.on('error', (error) => {
      if (!settled) reject(error);
    });
  });
}

/** Trace ids: unique in a process (a start drawn at random, then counted), without a CSPRNG call per answer. */
let nextTrace = randomBytes(6).readUIntBE(0, 6);
export function traceId(): string {
  nextTrace = (nextTrace + 1) % 2 ** 48;
  return nextTrace.toString(16).padStart(16, '0');
}

/**
 * How any reference target may write its answers on the wire: liberties every HTTP implementation
 * may take and no check may hold against it (PROFILE fixes none of them). Every reference target
 * shares them.
 */
export interface WireLiberties {
  /** Pretty-print JSON bodies. */
  prettyJson: boolean;
  /** `application/json; charset=utf-8` instead of `application/json`. */
  charsetInContentType: boolean;
  /** Key order of every JSON object written (recursively): as built, reversed or sorted. */
  keyOrder: 'as-built' | 'reversed' | 'sorted';
  /** Chunked transfer encoding instead of Content-Length. */
  chunked: boolean;
  /** `Connection: close` on every answer (no keep-alive). */
  connectionClose: boolean;
  /** Response headers PROFILE does not name. */
  extraHeaders: boolean;
}

export const DEFAULT_WIRE_LIBERTIES: WireLiberties = {
  prettyJson: false,
  charsetInContentType: false,
  keyOrder: 'as-built',
  chunked: false,
  connectionClose: false,
  extraHeaders: false,
};

/** `value` with the keys of every object in the order `order` asks (arrays keep theirs). */
export function reorderKeys(value: unknown, order: WireLiberties['keyOrder']): unknown {
  if (order === 'as-built' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, order));
  const keys = Object.keys(value);
  const ordered = order === 'sorted' ? [...keys].sort() : [...keys].reverse();
  return Object.fromEntries(ordered.map((key) => [key, reorderKeys((value as Record<string, unknown>)[key], order)]));
}

/** The JSON text of a body as the liberties write it. */
export function writeJsonBody(body: unknown, liberties: Pick<WireLiberties, 'prettyJson' | 'keyOrder'>): string {
  const ordered = reorderKeys(body, liberties.keyOrder);
  return liberties.prettyJson ? JSON.stringify(ordered, null, 2) : JSON.stringify(ordered);
}

/** Writes a JSON answer with the target's own clock in `Date` (clients estimate skew from it). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  liberties: WireLiberties,
  nowMs: number,
  extraHeaders: Record<string, string> = {},
): void {
  const payload = Buffer.from(writeJsonBody(body, liberties), 'utf8');
  const headers: Record<string, string> = {
    'Content-Type': liberties.charsetInContentType ? 'application/json; charset=utf-8' : 'application/json',
    Date: new Date(nowMs).toUTCString(),
    ...extraHeaders,
  };
  if (!liberties.chunked) headers['Content-Length'] = String(payload.length);
  if (liberties.connectionClose) headers.Connection = 'close';
  if (liberties.extraHeaders) Object.assign(headers, { 'X-Request-Id': traceId(), 'Cache-Control': 'no-store', Server: 'paycert-variation/1.0' });
  res.writeHead(status, headers);
  if (liberties.chunked) {
    // Two chunks, so a client that reads only the first chunk sees half a body.
    const half = Math.floor(payload.length / 2);
    res.write(payload.subarray(0, half));
    res.end(payload.subarray(half));
  } else res.end(payload);
}

/** A listening server: its port, and `close`, which stops listening and drops open connections. */
export interface Listening {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on host:port (port 0: an ephemeral one) with the targets' timeouts. Malformed HTTP never
 * reaches a handler: it is answered 400 with `malformedBody()` (the profile's error shape) and
 * the connection is closed.
 */
export async function listen(server: Server, port: number, host: string, malformedBody: () => string): Promise<Listening> {
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', (_error, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = malformedBody();
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
