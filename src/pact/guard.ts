/**
 * The budget guard between Pact's verifier and the target. pact-js's proxy forwards what the
 * native verifier sends with no deadline and no size limit, and the verifier inflates any
 * `Content-Encoding: gzip` answer and follows redirects: a gzip bomb grew one verification past
 * 4 GB. So the verifier talks to the target only through this local server, which sends each
 * request with paycert's own transport (src/client/transport.ts): one deadline per exchange, at
 * most the answer budget read, no decompression (the encoding header is renamed, so the verifier
 * compares the bytes as sent), no redirect followed (`Location` is renamed too: a 3xx is an answer
 * to judge, and the verifier must not be sent elsewhere). What it cut or could not get is said in
 * `x-paycert-*` headers, which the request filter turns into the interaction's failure messages.
 * After a few requests in a row get no answer, the target counts as gone and every later request
 * is answered at once, so a target that stops answering ends the verification in seconds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { truncationProblem } from '../client/decode';
import { send, TransportError } from '../client/transport';
import type { WireRequest } from '../client/wire';
import { NO_ANSWER } from '../core/failure-words';

/** Set on an answer the guard cut at the answer budget: what was cut, in words. */
export const CUT_HEADER = 'x-paycert-cut';
/** Set on the guard's own 502 when the target gave no whole answer: why, in words. */
export const NO_ANSWER_HEADER = 'x-paycert-no-answer';
/** Requests in a row without an answer after which the target counts as gone. */
const SILENT_BEFORE_GONE = 3;

/** Connection-level headers, never forwarded either way. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);
/** Answer headers the verifier would act on instead of judging: renamed, kept for the reader. */
const DEFUSED = new Set(['content-encoding', 'location']);

/** Whether the target still answers: requests in a row that got no answer, and why it counts as gone. */
export class Circuit {
  private silentInARow = 0;
  gone: string | undefined;

  answered(): void {
    this.silentInARow = 0;
  }

  noAnswer(error: TransportError): void {
    this.silentInARow++;
    if (this.silentInARow >= SILENT_BEFORE_GONE) this.gone ??= `the target stopped answering (${error.message})`;
  }
}

export interface GuardBudget {
  /** The whole exchange's deadline, ms. */
  timeoutMs: number;
  /** The answer budget, bytes (default: the transport's). */
  maxAnswerBytes?: number;
}

export interface Guard {
  /** Give this to the verifier as the provider's base URL. */
  url: string;
  circuit: Circuit;
  close(): Promise<void>;
}

/** The request the verifier sent (through the request filter), as paycert's transport sends it. */
async function wireOf(req: IncomingMessage): Promise<WireRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(req.rawHeaders[i]!.toLowerCase())) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  }
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  return { method: req.method ?? 'GET', path: q < 0 ? target : target.slice(0, q), query: q < 0 ? '' : target.slice(q + 1), headers, body: Buffer.concat(chunks) };
}

function forward(res: ServerResponse, answer: Awaited<ReturnType<typeof send>>): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (HOP_BY_HOP.has(name)) continue;
    headers[DEFUSED.has(name) ? `x-paycert-original-${name}` : name] = value;
  }
  const cut = truncationProblem(answer);
  if (cut) headers[CUT_HEADER] = cut.message;
  headers['content-length'] = String(answer.body.length);
  res.writeHead(answer.status, headers).end(answer.body);
}

function noAnswer(res: ServerResponse, why: string): void {
  const body = Buffer.from(JSON.stringify({ paycert: `${NO_ANSWER}${why}` }));
  // Header values may not hold line breaks; a transport message could.
  res.writeHead(502, { 'content-type': 'application/json', 'content-length': String(body.length), [NO_ANSWER_HEADER]: why.replace(/[\r\n]+/g, ' ') }).end(body);
}

/** Starts the guard for `baseUrl` on 127.0.0.1 (an ephemeral port); close it when the verification ends. */
export async function startGuard(baseUrl: string, budget: GuardBudget, circuit = new Circuit()): Promise<Guard> {
  const options = { timeoutMs: budget.timeoutMs, ...(budget.maxAnswerBytes !== undefined && { maxResponseBytes: budget.maxAnswerBytes }) };
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (circuit.gone) return noAnswer(res, circuit.gone);
      const wire = await wireOf(req);
      try {
        const answer = await send(baseUrl, wire, options);
        circuit.answered();
        forward(res, answer);
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        circuit.noAnswer(error);
        noAnswer(res, `${error.kind}: ${error.message}`);
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) noAnswer(res, `the guard failed: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    circuit,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
