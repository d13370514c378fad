/**
 * The state hook of PROFILE section 4 for the VPWS target (Pact's provider-state format):
 * `POST /_conformance/state` with `{"action":"setup","state":"vpws transaction exists",
 * "params":{referenceCode, dealer, transactionStatusId, amount, provisionExpired?}}` creates (or
 * replaces) that transaction and answers `{}`; teardown answers `{}`. Anything else is 400.
 */
import { parseStateRequest } from '../../../target-kit/state-request';
import type { VpwsStore } from './store';
import { isDealer } from './types';

export const VPWS_TRANSACTION_STATE = 'vpws transaction exists';

export type VpwsStateAnswer = { status: 200; body: Record<string, never> } | { status: 400; body: { error: string } };

const refuse = (error: string): VpwsStateAnswer => ({ status: 400, body: { error } });

/** Applies one state request to the store. */
export function applyVpwsState(body: Buffer, store: VpwsStore): VpwsStateAnswer {
  const request = parseStateRequest(body);
  if (request.kind === 'invalid') return refuse(request.message);
  if (request.kind === 'teardown') return { status: 200, body: {} };
  if (request.state !== VPWS_TRANSACTION_STATE) return refuse(`unknown state: ${String(request.state)}`);
  const p = request.params;
  if (p === undefined) return refuse('params must be an object');
  if (typeof p.referenceCode !== 'string' || p.referenceCode === '') return refuse('params.referenceCode must be a non-empty string');
  if (!isDealer(p.dealer)) return refuse('params.dealer must be dealer_a or dealer_b');
  if (typeof p.transactionStatusId !== 'number' || !Number.isInteger(p.transactionStatusId)) return refuse('params.transactionStatusId must be an integer');
  if (typeof p.amount !== 'number' || !Number.isFinite(p.amount) || p.amount < 0) return refuse('params.amount must be a number >= 0');
  if (p.provisionExpired !== undefined && typeof p.provisionExpired !== 'boolean') return refuse('params.provisionExpired must be a boolean');
  store.transactions.set(p.referenceCode, {
    referenceCode: p.referenceCode,
    dealer: p.dealer,
    transactionStatusId: p.transactionStatusId,
    amount: p.amount,
    provisionExpired: p.provisionExpired ?? false,
    cancelled: false,
    cancellations: 0,
  });
  return { status: 200, body: {} };
}
