/**
 * The verifier's request filter: what lets Pact verify an API whose requests must be signed or
 * carry credentials and whose answers Pact's matchers cannot fully see. For each request of an
 * interaction paycert wrote (found by its interaction header), the profile's verifier rewrites it
 * for the target (credentials, signature, encryption); the answer is captured as it streams back,
 * so the profile can judge what the matchers cannot (a decrypted plaintext, say).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractVerifier } from '../profiles/contract-side';
import type { PaycertComment } from './contract-file';
import { CUT_HEADER, NO_ANSWER_HEADER } from './guard';
import { INTERACTION_HEADER } from './names';
import { NO_ANSWER } from '../core/failure-words';

export interface Observation {
  status: number;
  /** What is wrong with the answer beyond Pact's matchers, in words (empty: nothing). */
  problems: string[];
}

type Req = IncomingMessage & { body?: unknown; originalUrl?: string; path?: string };

export function requestFilter(verifier: ContractVerifier, byId: ReadonlyMap<string, PaycertComment>, observed: Map<string, Observation>) {
  return (req: Req, res: ServerResponse, next: () => void): void => {
    const id = req.headers[INTERACTION_HEADER.toLowerCase()];
    const comment = typeof id === 'string' ? byId.get(id) : undefined;
    if (req.path === '/_pactSetup' || !comment) return next();
    delete req.headers[INTERACTION_HEADER.toLowerCase()];
    verifier.prepareRequest(req, comment);

    // Capture the answer as it streams back through the proxy.
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.from(chunk as Buffer));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer));
      const cut = budgetProblems(res);
      observed.set(comment.interaction, { status: res.statusCode, problems: cut.length ? cut : verifier.answerProblems(comment, res.statusCode, Buffer.concat(chunks)) });
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  };
}

/** What the guard (guard.ts) said of the answer: cut at the answer budget, or none came in time. */
function budgetProblems(res: ServerResponse): string[] {
  const lost = res.getHeader(NO_ANSWER_HEADER);
  if (lost !== undefined) return [`${NO_ANSWER}${String(lost)}`];
  const cut = res.getHeader(CUT_HEADER);
  return cut === undefined ? [] : [String(cut)];
}
