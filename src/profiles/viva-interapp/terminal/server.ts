/**
 * The Viva terminal simulator as the HTTP adapter of PROFILE 3, on 127.0.0.1:
 * `POST /interapp` with `{"uri": "<request URI>"}` answers `{"callback": "<callback URI>"}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { dropUnlessDrained, listen, readBodyOrDrop } from '../../../target-kit/http';
import { INTERAPP_PATH } from '../protocol/adapter';
import { STATE_HOOK_PATH } from '../../../target-kit/state-request';
import { answerRequestUri } from './handle';
import { applyVivaState } from './state-hook';
import { referenceTerminalRules, type TerminalContext, type TerminalRules } from './rules';
import { sampleBook } from './sample-book';
import type { BookEntry, TransactionBook } from './types';


export interface TerminalSimulatorOptions {
  /** The transaction book (default: the sample book, dated from now). */
  book?: TransactionBook;
  /** Rules to replace (a fault of the self-certification replaces one). */
  rules?: Partial<TerminalRules>;
  aadeKey?: KeyObject;
  port?: number;
  host?: string;
  now?: () => number;
}

export interface RunningTerminalSimulator {
  url: string;
  port: number;
  /** The state hook URL (PROFILE section 4; state "viva transaction exists"). */
  stateUrl: string;
  context: TerminalContext;
  close(): Promise<void>;
}

/** Starts the simulator; port 0 (the default) takes an ephemeral port. */
export async function startTerminalSimulator(options: TerminalSimulatorOptions = {}): Promise<RunningTerminalSimulator> {
  const book = options.book ?? sampleBook();
  const entries = new Map<string, BookEntry>(book.transactions.map((tx) => [tx.orderCode, { tx, refunded: 0, voided: false }]));
  const context: TerminalContext = { book, entries, aadeKey: options.aadeKey, now: options.now ?? Date.now };
  const rules: TerminalRules = { ...referenceTerminalRules, ...options.rules };
  const server = createServer((req, res) => void serve(req, res, rules, context));
  const host = options.host ?? '127.0.0.1';
  const { port, close } = await listen(server, options.port ?? 0, host, () => JSON.stringify({ error: 'malformed HTTP request' }));
  return { url: `http://${host}:${port}`, stateUrl: `http://${host}:${port}${STATE_HOOK_PATH}`, port, context, close };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Answers one exchange. Never throws: an aborted upload is dropped, an unexpected error is a 500. */
async function serve(req: IncomingMessage, res: ServerResponse, rules: TerminalRules, ctx: TerminalContext): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== INTERAPP_PATH && path !== STATE_HOOK_PATH) return send(res, 404, { error: `no such path: the adapter serves POST ${INTERAPP_PATH}` });
  if (req.method !== 'POST') return send(res, 405, { error: `POST ${path} only` });
  const read = await readBodyOrDrop(req);
  if (!read) return;
  try {
    if (!read.ok) {
      send(res, 413, { error: 'the body is larger than 1 MiB' });
      dropUnlessDrained(read, req, res);
      return;
    }
    if (path === STATE_HOOK_PATH) {
      const answer = applyVivaState(read.body, ctx, (epochMs) => rules.paymentDate(epochMs, ctx));
      return send(res, answer.status, answer.body);
    }
    send(res, ...adapterAnswer(read.body, rules, ctx));
  } catch {
    if (res.headersSent) return void res.destroy();
    send(res, 500, { error: 'the simulator failed on this request' });
  }
}

/** The adapter's answer to a body `{"uri": "..."}`: status and JSON body. */
function adapterAnswer(body: Buffer, rules: TerminalRules, ctx: TerminalContext): [number, unknown] {
  let uri: unknown;
  try {
    uri = (JSON.parse(body.toString('utf8')) as { uri?: unknown } | null)?.uri;
  } catch {
    return [400, { error: 'the body is not JSON: send {"uri": "vivapayclient://pay/v1?..."}' }];
  }
  if (typeof uri !== 'string') return [400, { error: 'the body has no "uri" string: send {"uri": "vivapayclient://pay/v1?..."}' }];
  const answer = answerRequestUri(uri, rules, ctx);
  return [answer.status, answer.body];
}
