/**
 * The state hook of PROFILE section 4 (Pact's provider-state format): `POST /_conformance/state`
 * with `{"action":"setup","state":NAME,"params":{...}}`, answered 200 with generated values.
 */
import { reject, type Rejection } from './rejection';
import type { RuleContext } from './rules';

export type StateAnswer = { ok: true; values: Record<string, unknown> } | { ok: false; rejection: Rejection };

export function applyState(body: Buffer, ctx: RuleContext): StateAnswer {
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, rejection: reject.badRequest('state request is not JSON') };
  }
  if (typeof request !== 'object' || request === null) return { ok: false, rejection: reject.badRequest('state request is not an object') };
  const { action, state, params } = request as { action?: unknown; state?: unknown; params?: unknown };
  if (action === 'teardown') return { ok: true, values: {} };
  if (action !== undefined && action !== 'setup') return { ok: false, rejection: reject.badRequest('action must be setup or teardown') };
  const given = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  if (state === 'charge is settled') {
    const charge = typeof given.charge_id === 'string' ? ctx.store.charges.get(given.charge_id) : undefined;
    if (charge === undefined) return { ok: false, rejection: reject.badRequest('params.charge_id names no charge') };
    charge.settled = true;
    return { ok: true, values: { charge_id: charge.id } };
  }
  return { ok: false, rejection: reject.badRequest(`unknown state: ${String(state)}`) };
}
