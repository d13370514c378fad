/**
 * Test support for the VPWS target's tests: start targets (closed together in afterAll), create
 * transactions through the state hook, and call the API over real HTTP with global fetch.
 */
import { randomBytes } from 'node:crypto';
import { VPWS_CANCEL_PATH, VPWS_REFERENCE_TOKENS, type VpwsTargetOptionsInput } from './options';
import { startVpwsTarget, type RunningVpwsTarget } from './server';
import { VPWS_TRANSACTION_STATE } from './state-hook';
import type { Dealer } from './types';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: unknown;
}

/** The body as a section 2 answer, for reading its fields in assertions. */
export interface LooseBody {
  message?: unknown;
  statusCode?: unknown;
  data?: Record<string, unknown> | null;
  [field: string]: unknown;
}

async function answerOf(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Starts targets and closes every one of them at once (call `closeAll` in afterAll). */
export class TargetPool {
  private readonly running: RunningVpwsTarget[] = [];

  async start(options: VpwsTargetOptionsInput = {}): Promise<RunningVpwsTarget> {
    const target = await startVpwsTarget(options);
    this.running.push(target);
    return target;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.running.splice(0).map((t) => t.close()));
  }
}

/** A referenceCode no other test uses, in the seed's style. */
export const newReference = (): string => `NTH2P${randomBytes(6).toString('hex').toUpperCase()}`;

export interface TxParams {
  referenceCode?: string;
  dealer?: Dealer;
  transactionStatusId?: number;
  amount?: number;
  provisionExpired?: boolean;
}

/** Posts any JSON (or raw text) to the state hook. */
export async function postState(target: RunningVpwsTarget, body: unknown, raw = false): Promise<HttpAnswer> {
  if (target.stateUrl === undefined) throw new Error('the target serves no state hook');
  const response = await fetch(target.stateUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw ? String(body) : JSON.stringify(body),
  });
  return answerOf(response);
}

/** Creates a transaction (dealer_a, status 1, 150.5, provision valid unless said) and returns its referenceCode. */
export async function givenTransaction(target: RunningVpwsTarget, params: TxParams = {}): Promise<string> {
  const referenceCode = params.referenceCode ?? newReference();
  const answer = await postState(target, {
    action: 'setup',
    state: VPWS_TRANSACTION_STATE,
    params: { dealer: 'dealer_a', transactionStatusId: 1, amount: 150.5, ...params, referenceCode },
  });
  if (answer.status !== 200) throw new Error(`state setup failed: ${answer.status} ${answer.text}`);
  return referenceCode;
}

export interface CallOptions {
  /** The Authorization header; default `Bearer <dealer_a's token>`, null to send none. */
  authorization?: string | null;
  method?: string;
  path?: string;
  /** A string is sent as is (bad JSON); anything else is JSON-encoded. */
  body?: unknown;
  /** More request headers. */
  headers?: Record<string, string>;
  /** A query string, without `?`. */
  query?: string;
}

/** Calls the API as a dealer. */
export async function call(target: RunningVpwsTarget, options: CallOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  const authorization = options.authorization === undefined ? bearer('dealer_a') : options.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  const method = options.method ?? 'POST';
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD' && options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const query = options.query === undefined ? '' : `?${options.query}`;
  return answerOf(await fetch(target.url + (options.path ?? VPWS_CANCEL_PATH) + query, init));
}

/** The Authorization header of a dealer holding the published test token. */
export const bearer = (dealer: Dealer): string => `Bearer ${VPWS_REFERENCE_TOKENS[dealer]}`;

/** Cancels a referenceCode as a dealer (dealer_a by default). */
export const cancelAs = (target: RunningVpwsTarget, referenceCode: string, dealer: Dealer = 'dealer_a'): Promise<HttpAnswer> =>
  call(target, { authorization: bearer(dealer), body: { referenceCode, reason: 'test cancel' } });

/** The body's `data` (throws when there is none, so a test reads fields without casts). */
export function dataOf(answer: HttpAnswer): Record<string, unknown> {
  const data = (answer.body as LooseBody | undefined)?.data;
  if (data === null || data === undefined) throw new Error(`no data in ${answer.text}`);
  return data;
}
