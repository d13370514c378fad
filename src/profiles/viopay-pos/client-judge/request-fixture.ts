/**
 * ClientRequests made without a server, for the unit tests of checks and diagnoses: a request the
 * PosClient builds (correct, or broken as RequestBreaks says), as the judge would receive it.
 */
import { PosClient, type RequestBreaks, type RequestSpec, type WireRequest } from '../../../client';
import { DEFAULT_USER_AGENT } from '../../../profile/pos';
import type { JudgeKeys } from './facts';
import { publishedKeys } from './server';
import type { ClientRequest } from './types';

/** The judge's view of a wire request. */
export function asReceived(wire: WireRequest, index: number, receivedAt: number): ClientRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of wire.headers) headers[name.toLowerCase()] = value;
  const target = wire.query === '' ? wire.path : `${wire.path}?${wire.query}`;
  return { index, receivedAt, method: wire.method, target, path: wire.path, query: wire.query, headers, rawHeaders: wire.headers, body: wire.body };
}

/** A PosClient signed in as the judge's published terminal, its clock at `now`. */
export function fixtureClient(now: () => number, keys: JudgeKeys = publishedKeys()): PosClient {
  return new PosClient(
    { baseUrl: 'http://127.0.0.1:1', terminalId: keys.terminalId, keyId: keys.keyId, hmacSecret: keys.hmacSecret, msk: keys.msk, kcvMethod: 'cmac', userAgent: DEFAULT_USER_AGENT },
    { now },
  );
}

/** A request as received at `receivedAt`, built at the same instant unless breaks say otherwise. */
export function receivedRequest(spec: RequestSpec, options: { index?: number; receivedAt?: number; breaks?: RequestBreaks } = {}): ClientRequest {
  const at = options.receivedAt ?? Date.now();
  return asReceived(fixtureClient(() => at).build(spec, options.breaks), options.index ?? 1, at);
}
