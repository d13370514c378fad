/**
 * The judging server: on 127.0.0.1, it answers every request exactly as the reference target does
 * (its own pipeline, in this process: the answer to the app stays the PROFILE answer) and judges
 * every request with every client check before the target sees it. Diagnoses never reach the app.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { splitTarget } from '../../../crypto/canonical';
import { listen, readBodyOrDrop } from '../../../target-kit/http';
import { handle } from '../target/handle';
import { REFERENCE_CREDENTIALS, resolveTargetOptions } from '../target/options';
import type { RuleContext } from '../target/rules';
import { TargetStore } from '../target/store';
import type { JudgeKeys } from './facts';
import { ClientSession, type JudgedRequest } from './session';
import type { ClientRequest } from './types';

export interface ClientJudgeOptions {
  /** 0 (the default): an ephemeral port. */
  port?: number;
  /** The server's clock, epoch ms (tests move it). */
  now?: () => number;
  /** Called once a request is judged and answered. */
  onJudged?: (judged: JudgedRequest) => void;
  /** An unexpected error in the target or a check (never printed by the judge itself). */
  onInternalError?: (error: unknown) => void;
}

export interface RunningJudge {
  /** `http://127.0.0.1:PORT`, no trailing slash: where the app sends its requests. */
  url: string;
  port: number;
  session: ClientSession;
  /** The credentials the app must use (the reference target's published test values). */
  keys: JudgeKeys;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

/** The reference target's published test credentials, as the judge verifies and decrypts with them. */
export function publishedKeys(): JudgeKeys {
  return {
    terminalId: REFERENCE_CREDENTIALS.terminalId,
    keyId: REFERENCE_CREDENTIALS.keyId,
    hmacSecret: REFERENCE_CREDENTIALS.hmacSecret,
    msk: Buffer.from(REFERENCE_CREDENTIALS.msk, 'hex'),
  };
}

/** The request as the target's pipeline reads it: the same head, the body already read. */
function standIn(incoming: IncomingMessage, body: Buffer, headers = incoming.headers): IncomingMessage {
  return Object.assign(Readable.from(body.length > 0 ? [body] : []), { method: incoming.method, url: incoming.url, headers }) as unknown as IncomingMessage;
}

/** Records what the target writes, for the report (status, headers, body). */
function recordAnswer(res: ServerResponse, startedAt: number, now: () => number, done: (answer: JudgedRequest['answer']) => void): void {
  const chunks: Buffer[] = [];
  let headers: Record<string, string> = {};
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  res.writeHead = ((status: number, given?: OutgoingHttpHeaders) => {
    headers = Object.fromEntries(Object.entries(given ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
    return writeHead(status, given);
  }) as typeof res.writeHead;
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk as string));
  };
  const write = res.write.bind(res) as (chunk: unknown) => boolean;
  res.write = ((chunk: unknown) => (keep(chunk), write(chunk))) as typeof res.write;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => (keep(chunk), end(chunk))) as typeof res.end;
  res.on('finish', () => done({ status: res.statusCode, headers, body: Buffer.concat(chunks), durationMs: now() - startedAt }));
  // The app went away before its answer was out: it got no answer (what makes it retry).
  res.on('close', () => {
    if (!res.writableFinished) done(undefined);
  });
}

/** Starts the judge with the reference target's rules and its published credentials. */
export async function startClientJudge(options: ClientJudgeOptions = {}): Promise<RunningJudge> {
  const now = options.now ?? Date.now;
  const internal = options.onInternalError ?? (() => undefined);
  const targetOptions = resolveTargetOptions({ now, stateHook: false, onInternalError: internal });
  const ctx: RuleContext = { options: targetOptions, store: new TargetStore() };
  const keys = publishedKeys();
  const holder: { session?: ClientSession } = {};

  const serve = async (incoming: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = now();
    const read = await readBodyOrDrop(incoming);
    if (!read) return;
    if (!read.ok) {
      // Over the body limit: the target refuses it (413) unjudged; nothing of it is kept.
      if (!read.drained) res.on('finish', () => incoming.destroy());
      await handle(standIn(incoming, Buffer.alloc(0), { ...incoming.headers, 'content-length': String(Number.MAX_SAFE_INTEGER) }), res, ctx);
      return;
    }
    const target = incoming.url ?? '/';
    const raw = incoming.rawHeaders;
    const request: ClientRequest = {
      index: holder.session!.judged.length + 1,
      receivedAt,
      method: incoming.method ?? '',
      target,
      ...splitTarget(target),
      headers: incoming.headers,
      rawHeaders: Array.from({ length: raw.length / 2 }, (_, i) => [raw[2 * i]!, raw[2 * i + 1]!] as [string, string]),
      body: read.body,
    };
    let judged: JudgedRequest | undefined;
    try {
      judged = holder.session!.judge(request);
    } catch (error) {
      // A judge bug must not cost the app its answer.
      internal(error);
    }
    recordAnswer(res, receivedAt, now, (answer) => {
      if (judged === undefined) return;
      if (answer) judged.answer = answer;
      options.onJudged?.(judged);
    });
    await handle(standIn(incoming, read.body), res, ctx);
  };

  const server = createServer((incoming, res) => void serve(incoming, res).catch(internal));
  const errorBody = () => JSON.stringify({ error: { code: '4000', message: 'malformed HTTP request', trace_id: 'none' } });
  const { port, close } = await listen(server, options.port ?? 0, '127.0.0.1', errorBody);
  const url = `http://127.0.0.1:${port}`;
  holder.session = new ClientSession(keys, url, undefined, (_id, error) => internal(error));
  return { url, port, session: holder.session, keys, close };
}
