/**
 * Sends a WireRequest exactly as built (method, path, query, headers in order, body bytes) on
 * node:http or node:https and reads the raw answer, within budgets a hostile target cannot break:
 * one deadline for the whole exchange (connect, headers and body), at most `maxResponseBytes` of
 * body (the rest is cut and said), no redirects followed (a 3xx is an answer to judge) and no
 * decompression (a gzip bomb stays a small body). Connections are kept alive and reused, as a
 * real client's are. Failures to get an answer are TransportErrors with a kind.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { takeBurstArrival, type Burst } from './burst';
import { requestTarget, type WireRequest, type WireResponse } from './wire';

export type TransportFailure = 'refused' | 'reset' | 'timeout' | 'invalid-request' | 'other';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(readonly kind: TransportFailure, message: string) {
    super(message);
  }
}

/**
 * The default answer budget: far above any answer PROFILE describes (a few KiB), far below what
 * hurts a run (a 10 MiB answer to each of 300 checks); `--max-answer-bytes` changes it.
 */
export const DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/**
 * How much is read of an answer whose Content-Length is over the budget: it is cut whatever it
 * holds, so reading the rest would only cost time and memory; its start is the evidence.
 */
export const ANNOUNCED_OVER_BUDGET_READ = 64 * 1024;

export interface TransportOptions {
  /** The whole exchange's deadline, ms: connect, send, headers and body (default 10 s). */
  timeoutMs?: number;
  /** Read at most this much of an answer (default DEFAULT_MAX_ANSWER_BYTES); the rest is cut. */
  maxResponseBytes?: number;
}

// Kept-alive connections, shared by every client of the process (sockets are unref'd while idle,
// so they never hold a process open).
const AGENTS = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo' }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo' }),
};

/** Closes every kept-alive connection (a test process about to end has no use for them). */
export function closeConnections(): void {
  AGENTS.http.destroy();
  AGENTS.https.destroy();
}

function classify(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const e = error as { code?: string; message?: string };
  const text = `${e.code ?? ''} ${e.message ?? String(error)}`;
  if (/ETIMEDOUT/.test(text)) return new TransportError('timeout', `no answer in time (${e.message})`);
  if (/ECONNREFUSED/.test(text)) return new TransportError('refused', 'connection refused');
  if (/ECONNRESET|socket hang up|EPIPE|HPE_|Parse Error/.test(text)) return new TransportError('reset', `connection reset before a whole answer (${e.code ?? e.message})`);
  if (/ERR_INVALID|Invalid character|ERR_UNESCAPED|ERR_HTTP_INVALID/.test(text)) return new TransportError('invalid-request', `the request could not be sent: ${e.message}`);
  return new TransportError('other', e.message ?? String(error));
}

function headersOf(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

/** The request's headers as node:http takes them: repeated names as one array, sent as several lines. */
function headerObject(wire: WireRequest): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const byLower = new Map<string, string>();
  for (const [name, value] of wire.headers) {
    const seen = byLower.get(name.toLowerCase());
    if (seen === undefined) {
      byLower.set(name.toLowerCase(), name);
      headers[name] = value;
    } else headers[seen] = ([] as string[]).concat(headers[seen]!, value);
  }
  if (!byLower.has('content-length') && !byLower.has('transfer-encoding')) headers['Content-Length'] = String(wire.body.length);
  return headers;
}

interface Attempt {
  response: Promise<WireResponse>;
  request: ClientRequest;
}

function attempt(url: URL, wire: WireRequest, limit: number, deadline: number, started: number, fresh = false, burst?: Burst): Attempt {
  const tls = url.protocol === 'https:';
  const request = (tls ? httpsRequest : httpRequest)({
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
    method: wire.method,
    path: `${url.pathname.replace(/\/+$/, '')}${requestTarget(wire)}`,
    headers: headerObject(wire),
    // A retry goes on a new connection: another pooled one may be just as stale.
    agent: fresh ? false : tls ? AGENTS.https : AGENTS.http,
  });
  const response = new Promise<WireResponse>((resolve, reject) => {
    const timer = setTimeout(() => request.destroy(new TransportError('timeout', `no whole answer in ${deadline / 1000} s`)), deadline);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(classify(error));
    };
    request.on('error', fail);
    request.on('response', (res) => {
      // An answer that announces more than the budget is cut whatever follows: only its start is worth reading.
      const announced = Number(res.headers['content-length']);
      const overBudget = wire.method !== 'HEAD' && Number.isSafeInteger(announced) && announced > limit;
      const keep = overBudget ? Math.min(limit, ANNOUNCED_OVER_BUDGET_READ) : limit;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        size += chunk.length;
        chunks.push(chunk);
        if (size > keep || (overBudget && size >= keep)) {
          truncated = true;
          // Enough: the rest is not read (the connection is dropped, never reused).
          res.destroy();
          finish();
        }
      });
      const finish = () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks, Math.min(size, keep));
        chunks.length = 0;
        const cut = truncated ? { budget: limit, ...(overBudget && { announcedBytes: announced }) } : {};
        resolve({ status: res.statusCode ?? 0, headers: headersOf(res), body, truncated, ...cut, durationMs: performance.now() - started });
      };
      res.on('end', () => {
        if (!truncated) finish();
      });
      res.on('error', (error) => {
        if (!truncated) fail(error);
      });
    });
  });
  try {
    if (burst === undefined) request.end(wire.body);
    else sendInBurst(request, wire.body, burst);
  } catch (error) {
    request.destroy();
    return { request, response: Promise.reject(classify(error)) };
  }
  return { request, response };
}

/**
 * One request of a burst (./burst.ts): all but the last body byte now, the last once every request
 * of the burst has been written; a request that fails first still counts, so none waits for it.
 */
function sendInBurst(request: ClientRequest, body: Buffer, burst: Burst): void {
  let released: Promise<void> | undefined;
  const arrive = () => (released ??= burst.arrive());
  request.once('error', () => void arrive());
  request.once('close', () => void arrive());
  if (body.length === 0) {
    // Nothing to hold back: the request goes whole once the others are written.
    void arrive().then(() => request.destroyed || request.end());
    return;
  }
  request.write(body.subarray(0, body.length - 1), () => {
    void arrive().then(() => request.destroyed || request.end(body.subarray(body.length - 1)));
  });
}

/**
 * Sends `wire` to `baseUrl` (any path in it is a prefix) and reads the answer.
 * @throws TransportError when no whole answer came (refused, reset, timeout, unsendable request).
 */
export async function send(baseUrl: string, wire: WireRequest, options: TransportOptions = {}): Promise<WireResponse> {
  const deadline = options.timeoutMs ?? 10_000;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  const started = performance.now();
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TransportError('invalid-request', `not a URL: ${baseUrl}`);
  }
  let first: Attempt;
  try {
    // A request of a burst is held back until the whole burst is written (a retry is not: the burst
    // has gone), on its own connection: held-back requests must never wait for a pooled socket.
    const burst = takeBurstArrival();
    first = attempt(url, wire, limit, deadline, started, burst !== undefined, burst);
  } catch (error) {
    throw classify(error);
  }
  try {
    return await first.response;
  } catch (error) {
    // A kept-alive connection the target closed as it was reused: the request never reached it,
    // so sending it again on a new connection is safe (node's documented pattern).
    if (first.request.reusedSocket && error instanceof TransportError && error.kind === 'reset') {
      const left = Math.max(1, deadline - (performance.now() - started));
      return attempt(url, wire, limit, left, started, true).response;
    }
    throw error;
  }
}
