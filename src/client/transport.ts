/**
 * Sends a WireRequest with supertest and reads the raw answer, at most `maxResponseBytes` of it,
 * within a per-request timeout. Failures to get an answer are TransportErrors with a kind.
 */
import request from 'supertest';
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../profile/pos';
import { requestTarget, type WireRequest, type WireResponse } from './wire';

export type TransportFailure = 'refused' | 'reset' | 'timeout' | 'invalid-request' | 'other';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(readonly kind: TransportFailure, message: string) {
    super(message);
  }
}

export interface TransportOptions {
  /** Per-request timeout, ms (default 10 s). */
  timeoutMs?: number;
  /** Read at most this much of an answer (default 1 MiB). */
  maxResponseBytes?: number;
}

type RawParser = (res: request.Response, done: (error: Error | null, body: unknown) => void) => void;

/** Collects the raw body; past `limit` it keeps the first `limit` bytes and hangs up. */
function cappedRaw(limit: number, truncated: { value: boolean }): RawParser {
  return (response, done) => {
    // At parse time superagent hands over the live node response stream.
    const res = response as unknown as IncomingMessage;
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null) => {
      if (finished) return;
      finished = true;
      done(error, Buffer.concat(chunks).subarray(0, limit));
    };
    res.on('data', (chunk: Buffer) => {
      if (finished) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        truncated.value = true;
        res.destroy();
        finish(null);
      }
    });
    res.on('end', () => finish(null));
    res.on('error', (error) => finish(error));
  };
}

function classify(error: unknown): TransportError {
  const e = error as { code?: string; message?: string; timeout?: number };
  const text = `${e.code ?? ''} ${e.message ?? String(error)}`;
  if (e.timeout !== undefined || /ETIMEDOUT|ECONNABORTED|timeout/i.test(text)) return new TransportError('timeout', `no answer in time (${e.message})`);
  if (/ECONNREFUSED/.test(text)) return new TransportError('refused', 'connection refused');
  if (/ECONNRESET|socket hang up|EPIPE/.test(text)) return new TransportError('reset', 'connection reset before a whole answer');
  if (/ERR_INVALID|Invalid character|ERR_UNESCAPED/.test(text)) return new TransportError('invalid-request', `the request could not be sent: ${e.message}`);
  return new TransportError('other', e.message ?? String(error));
}

export async function send(baseUrl: string, wire: WireRequest, options: TransportOptions = {}): Promise<WireResponse> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const limit = options.maxResponseBytes ?? MAX_BODY_BYTES;
  const truncated = { value: false };
  const started = performance.now();
  try {
    const agent = request(baseUrl) as unknown as Record<string, (url: string) => request.Test>;
    const open = agent[wire.method.toLowerCase()];
    if (typeof open !== 'function') throw new TransportError('invalid-request', `method ${wire.method} cannot be sent`);
    let test = open.call(agent, requestTarget(wire));
    for (const [name, value] of wire.headers) test = test.set(name, value);
    // superagent would JSON-encode a Buffer body under a JSON content type: send the bytes as they are.
    if (wire.body.length > 0) test = test.serialize((body: unknown) => body as string).send(wire.body);
    const res = await test
      .buffer(true)
      .parse(cappedRaw(limit, truncated))
      .timeout({ response: timeoutMs, deadline: timeoutMs * 2 })
      .ok(() => true);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers as Record<string, string | string[]>)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const body = Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0);
    return { status: res.status, headers, body, truncated: truncated.value, durationMs: performance.now() - started };
  } catch (error) {
    throw error instanceof TransportError ? error : classify(error);
  }
}
