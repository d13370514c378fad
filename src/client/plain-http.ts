/**
 * One plain (unsigned) HTTP exchange, for the state hook and the reachability probe, with the same
 * budgets as every request (src/client/transport.ts). Not `fetch`: the Fetch standard refuses
 * "bad ports" (1, 9, 6000, ...) before connecting, and a target may well listen on one.
 */
import { send, TransportError } from './transport';

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body was cut at the answer budget (`budget`; `announcedBytes`: the Content-Length it gave). */
  truncated: boolean;
  budget?: number;
  announcedBytes?: number;
}

export interface PlainOptions {
  method: string;
  json?: unknown;
  /** The whole exchange's deadline, ms. */
  timeoutMs: number;
  /** The answer budget (default: the transport's). */
  maxResponseBytes?: number;
}

/** @throws TransportError when no whole answer came in time. */
export async function plainRequest(url: string, options: PlainOptions): Promise<PlainAnswer> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TransportError('invalid-request', `not a URL: ${url}`);
  }
  const body = options.json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(options.json));
  const headers: Array<[string, string]> = options.json === undefined ? [] : [['Content-Type', 'application/json']];
  const budget = { timeoutMs: options.timeoutMs, ...(options.maxResponseBytes !== undefined && { maxResponseBytes: options.maxResponseBytes }) };
  const answer = await send(parsed.origin, { method: options.method, path: parsed.pathname, query: parsed.search.slice(1), headers, body }, budget);
  const { status, truncated, budget: cutAt, announcedBytes } = answer;
  return { status, headers: answer.headers, body: answer.body.toString('utf8'), truncated, ...(cutAt !== undefined && { budget: cutAt }), ...(announcedBytes !== undefined && { announcedBytes }) };
}
