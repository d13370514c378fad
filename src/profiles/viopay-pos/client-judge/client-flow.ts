/**
 * A small POS app built on src/client's PosClient, and the flow every catalogued client runs:
 * a charge, its retry, a refund, a charge and its cancel, a charge and its reverse. A behaviour
 * changes one thing of how the app builds its requests (one implementer mistake, or a legal
 * variation); everything else stays as a correct app does it.
 */
import type { CanonicalParts } from '../../../crypto/canonical';
import { formatSignature, hmacSha256, sign } from '../../../crypto/signature';
import { PosClient, type RequestBreaks, type RequestSpec, type WireRequest } from '../../../client';
import { sampleCharge, sampleRefund } from '../../../client/fixtures';
import { DEFAULT_USER_AGENT, HEADER, PATHS } from '../../../profile/pos';
import type { JudgeKeys } from './facts';

export interface Behaviour {
  /** Breaks for the n-th request (1-based) of the flow. */
  breaks?: (n: number) => RequestBreaks;
  /** Replaces X-Signature: the app's own (wrong) way to sign the parts it sent (`plaintext`: what it encrypted). */
  sign?: (parts: CanonicalParts, secret: string, plaintext: unknown) => string;
  /** Changes a charge or refund plaintext before it is encrypted. */
  plaintext?: (plaintext: Record<string, unknown>, operation: 'charge' | 'refund') => unknown;
  /** Changes the body bytes after they are built; the request is signed over the new bytes. */
  body?: (body: Buffer) => Buffer;
  /** The key the retry of the first charge carries (default: the first attempt's). */
  retryKey?: (first: string) => string | undefined;
  /** The key of the n-th charge (1-3) instead of a fresh one. */
  idempotencyKey?: (charge: number) => string;
  /** The refund's amount value (default "500"). */
  refundValue?: string;
  /** Cancel with a body (an envelope of `{}`). */
  cancelBody?: boolean;
  /** Added to the app's clock, ms (a stale or fast device clock). */
  clockOffsetMs?: number;
}

/** The parts a request was sent with, read back from its wire form. */
export function wireParts(wire: WireRequest): CanonicalParts {
  const header = (name: string) => wire.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ?? '';
  return { method: wire.method, path: wire.path, query: wire.query, body: wire.body, terminalId: header(HEADER.terminalId), timestamp: header(HEADER.timestamp), nonce: header(HEADER.nonce) };
}

/** `v1=` + base64 HMAC with `key` over `message`: a helper for wrong ways to sign. */
export function macHeader(key: Buffer | string, message: Buffer): string {
  return formatSignature(hmacSha256(typeof key === 'string' ? Buffer.from(key, 'utf8') : key, message));
}

/** Runs the flow against `baseUrl` as the terminal of `keys`, the app behaving as `behaviour` says. */
export async function runFlow(baseUrl: string, keys: JudgeKeys, behaviour: Behaviour = {}): Promise<void> {
  const client = new PosClient(
    { baseUrl, terminalId: keys.terminalId, keyId: keys.keyId, hmacSecret: keys.hmacSecret, msk: keys.msk, kcvMethod: 'cmac', userAgent: DEFAULT_USER_AGENT },
    { clockOffsetMs: behaviour.clockOffsetMs ?? 0 },
  );
  let n = 0;
  const send = async (spec: RequestSpec): Promise<string | undefined> => {
    n += 1;
    let wire = client.build(spec, behaviour.breaks?.(n));
    if (behaviour.body) wire = { ...wire, body: behaviour.body(wire.body) };
    if (behaviour.sign || behaviour.body) {
      const value = behaviour.sign ? behaviour.sign(wireParts(wire), keys.hmacSecret, wire.plaintext) : sign(wireParts(wire), keys.hmacSecret);
      wire = { ...wire, headers: wire.headers.map(([name, v]) => [name, name === HEADER.signature ? value : v] as [string, string]) };
    }
    const answer = await client.send(wire);
    const id = (answer.plaintext as { charge_id?: unknown } | undefined)?.charge_id;
    return answer.status === 200 && typeof id === 'string' ? id : undefined;
  };
  const charge = (p: Record<string, unknown>): unknown => (behaviour.plaintext ? behaviour.plaintext(p, 'charge') : p);
  const refund = (p: Record<string, unknown>): unknown => (behaviour.plaintext ? behaviour.plaintext(p, 'refund') : p);
  const run = Math.random().toString(36).slice(2, 8);
  const [k1, k2, k3] = [1, 2, 3].map((i) => behaviour.idempotencyKey?.(i) ?? `idem-${run}-${i}`) as [string, string, string];

  const first = charge({ ...sampleCharge({ value: '1500' }), stan: '000101' });
  const id1 = await send({ method: 'POST', path: PATHS.charge, plaintext: first, idempotencyKey: k1 });
  const retryKey = behaviour.retryKey ? behaviour.retryKey(k1) : k1;
  await send({ method: 'POST', path: PATHS.charge, plaintext: first, ...(retryKey !== undefined && { idempotencyKey: retryKey }) });
  await send({ method: 'POST', path: PATHS.refund(encodeURIComponent(id1 ?? 'ch_unknown')), plaintext: refund(sampleRefund(behaviour.refundValue ?? '500')) });
  const id2 = await send({ method: 'POST', path: PATHS.charge, plaintext: charge({ ...sampleCharge({ value: '2500' }), stan: '000102' }), idempotencyKey: k2 });
  await send({ method: 'POST', path: PATHS.cancel(encodeURIComponent(id2 ?? 'ch_unknown')), ...(behaviour.cancelBody && { plaintext: {} }) });
  const id3 = await send({ method: 'POST', path: PATHS.charge, plaintext: charge({ ...sampleCharge({ value: '700' }), stan: '000103' }), idempotencyKey: k3 });
  await send({ method: 'POST', path: PATHS.reverse(encodeURIComponent(id3 ?? 'ch_unknown')) });
}

/** How many requests the flow sends. */
export const FLOW_REQUESTS = 7;
