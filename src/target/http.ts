/** Reading a request body with a cap and writing JSON answers; no API rule lives here. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from '../profile/pos';
import type { Liberties } from './options';

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

export function traceId(): string {
  return randomBytes(8).toString('hex');
}

/** Writes a JSON answer with the target's own clock in `Date` (clients estimate skew from it). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  liberties: Liberties,
  nowMs: number,
  extraHeaders: Record<string, string> = {},
): void {
  const text = liberties.prettyJson ? JSON.stringify(body, null, 2) : JSON.stringify(body);
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    'Content-Type': liberties.charsetInContentType ? 'application/json; charset=utf-8' : 'application/json',
    'Content-Length': String(payload.length),
    Date: new Date(nowMs).toUTCString(),
    ...extraHeaders,
  });
  res.end(payload);
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
