/**
 * One plain (unsigned) HTTP exchange on node:http, for the state hook and the reachability probe.
 * Not `fetch`: the Fetch standard refuses "bad ports" (1, 9, 6000, ...) before connecting, and a
 * target may well listen on one.
 */
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import { MAX_BODY_BYTES } from '../profile/pos';
import { TransportError } from './transport';

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function plainRequest(url: string, options: { method: string; json?: unknown; timeoutMs: number }): Promise<PlainAnswer> {
  return new Promise((resolve, reject) => {
    const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    const send = url.startsWith('https:') ? requestTls : request;
    const req = send(url, {
      method: options.method,
      headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {},
      timeout: options.timeoutMs,
    });
    req.on('timeout', () => req.destroy(new TransportError('timeout', `no answer in ${options.timeoutMs / 1000} s`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof TransportError) return reject(error);
      if (error.code === 'ECONNREFUSED') return reject(new TransportError('refused', 'connection refused'));
      if (error.code === 'ECONNRESET') return reject(new TransportError('reset', 'connection reset'));
      reject(new TransportError('other', error.code ?? error.message));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => reject(new TransportError('reset', error.message)));
    });
    req.end(payload);
  });
}
