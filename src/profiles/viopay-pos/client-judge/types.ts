/**
 * What the client judge works on: one request as the app sent it (bytes and headers exactly as
 * received), the session it belongs to, and a client check: a small declarative object with a
 * stable id, a level, the seed and PROFILE clause it enforces, and a `judge`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Level, SpecRef } from '../../../core/types';
import { header } from '../target/request';
import type { Diagnosis } from './diagnose';
import type { JudgeKeys, RequestFacts } from './facts';

/** A request exactly as the app sent it. */
export interface ClientRequest {
  /** 1-based position in the session. */
  index: number;
  /** The judge's clock when the request arrived, epoch ms. */
  receivedAt: number;
  method: string;
  /** The raw request-target (path and query) as sent. */
  target: string;
  path: string;
  /** The raw query without `?`; empty when there is none. */
  query: string;
  /** Lower-case names (node's view); a repeated header is joined with `, `. */
  headers: IncomingHttpHeaders;
  /** Header names and values in the order sent (for reports). */
  rawHeaders: Array<[string, string]>;
  body: Buffer;
}

/** What a check says of one request. */
export type Judgement =
  /** The request does not exercise the rule (a cancel has no plaintext to judge). */
  | { outcome: 'not-applicable' }
  | { outcome: 'held' }
  | {
      outcome: 'broken';
      /** One line: what the app did wrong. */
      message: string;
      /** For a bad signature: which implementer mistake reproduces it, or that none does. */
      diagnosis?: Diagnosis;
      expected?: unknown;
      actual?: unknown;
    };

/** What a check may read of the session: earlier requests, and what the judge decoded of each. */
export interface SessionView {
  /** The requests before this one, oldest first. */
  readonly earlier: readonly ClientRequest[];
  /** Facts derived once per request (decrypted plaintext, envelope problem, ...). */
  facts(request: ClientRequest): RequestFacts;
  /** The credentials the judge serves (never printed). */
  readonly keys: JudgeKeys;
}

export interface ClientCheck {
  /** `client.pos.<topic>.<rule>`, stable. */
  id: string;
  title: string;
  level: Level;
  ref: SpecRef;
  judge(request: ClientRequest, session: SessionView): Judgement;
}

export const held: Judgement = { outcome: 'held' };
export const notApplicable: Judgement = { outcome: 'not-applicable' };

/** A broken rule (the message says what the app did). */
export function broken(message: string, extra: { diagnosis?: Diagnosis; expected?: unknown; actual?: unknown } = {}): Judgement {
  return { outcome: 'broken', message, ...extra };
}

/** One header's value as sent (repeated: joined), or undefined: the reference target's reading. */
export const headerOf: (request: ClientRequest, name: string) => string | undefined = header;
