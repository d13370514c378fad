/**
 * The state hook of PROFILE section 4 for the VPWS target, in Pact's state-change protocol as
 * pact-js's Verifier and the Rust verifier (pact_verifier_cli) send it: `POST /_conformance/state`
 * with `{"action":"setup","state":"vpws transaction exists","params":{referenceCode, dealer,
 * transactionStatusId, amount, provisionExpired?, caller?}}` creates (or replaces) that transaction.
 *
 * What the params leave out, the hook makes (so a stock verifier, which sends only the contract's
 * params, can set the state up): a fresh `referenceCode`, the dealer `dealer_a`, status 1, amount
 * 100. It answers what the interaction needs as Pact provider-state values (`fromProviderState`):
 * `referenceCode`, `dealer`, and `token`, the Bearer token of `caller` (the dealer whose token the
 * interaction's request carries; by default the transaction's own dealer). The empty state (what
 * the Rust verifier posts for an interaction without a state) and every teardown answer 200 `{}`.
 * Anything else is 400 with a small JSON error.
 */
import { randomBytes } from 'node:crypto';
import { parseStateRequest } from '../../../target-kit/state-request';
import type { VpwsStore } from './store';
import { isDealer, type Dealer } from './types';

export const VPWS_TRANSACTION_STATE = 'vpws transaction exists';

/** The values a setup of `vpws transaction exists` answers, for Pact to inject into the request. */
export interface VpwsStateValues {
  referenceCode: string;
  dealer: Dealer;
  /** The Bearer token of the `caller` param's dealer (the transaction's dealer when none is named). */
  token: string;
}

export type VpwsStateAnswer = { status: 200; body: VpwsStateValues | Record<string, never> } | { status: 400; body: { error: string } };

const refuse = (error: string): VpwsStateAnswer => ({ status: 400, body: { error } });

/** A referenceCode no setup made before, in the seed's style (`NTH2P...`). */
const freshReference = (): string => `NTH2P${randomBytes(8).toString('hex').toUpperCase()}`;

/** A param's value, or `fallback` when the params leave it out (absent or null). */
const orDefault = <T>(value: unknown, fallback: T): unknown => (value === undefined || value === null ? fallback : value);

/** Applies one state request to the store; `tokens` are the target's dealers' Bearer tokens. */
export function applyVpwsState(body: Buffer, store: VpwsStore, tokens: Readonly<Record<Dealer, string>>): VpwsStateAnswer {
  const request = parseStateRequest(body);
  if (request.kind === 'invalid') return refuse(request.message);
  if (request.kind === 'teardown' || request.state === '') return { status: 200, body: {} };
  if (request.state !== VPWS_TRANSACTION_STATE) return refuse(`unknown state: ${String(request.state)}`);
  const p = request.params ?? {};
  const referenceCode = orDefault(p.referenceCode, freshReference());
  const dealer = orDefault(p.dealer, 'dealer_a');
  const transactionStatusId = orDefault(p.transactionStatusId, 1);
  const amount = orDefault(p.amount, 100);
  const caller = orDefault(p.caller, dealer);
  if (typeof referenceCode !== 'string' || referenceCode === '') return refuse('params.referenceCode must be a non-empty string');
  if (!isDealer(dealer)) return refuse('params.dealer must be dealer_a or dealer_b');
  if (!isDealer(caller)) return refuse('params.caller must be dealer_a or dealer_b');
  if (typeof transactionStatusId !== 'number' || !Number.isInteger(transactionStatusId)) return refuse('params.transactionStatusId must be an integer');
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return refuse('params.amount must be a number >= 0');
  if (p.provisionExpired !== undefined && typeof p.provisionExpired !== 'boolean') return refuse('params.provisionExpired must be a boolean');
  store.transactions.set(referenceCode, {
    referenceCode,
    dealer,
    transactionStatusId,
    amount,
    provisionExpired: p.provisionExpired ?? false,
    cancelled: false,
    cancellations: 0,
  });
  return { status: 200, body: { referenceCode, dealer, token: tokens[caller] } };
}
