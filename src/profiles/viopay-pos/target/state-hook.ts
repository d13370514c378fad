/**
 * The state hook of PROFILE section 4 (Pact's provider-state format): `POST /_conformance/state`
 * with `{"action":"setup","state":NAME,"params":{...}}`, answered 200 with generated values.
 */
import { reject, type Rejection } from './rejection';
import type { RuleContext } from './rules';
import { parseStateRequest } from '../../../target-kit/state-request';

export type StateAnswer = { ok: true; values: Record<string, unknown> } | { ok: false; rejection: Rejection };

export function applyState(body: Buffer, ctx: RuleContext): StateAnswer {
  const request = parseStateRequest(body);
  if (request.kind === 'invalid') return { ok: false, rejection: reject.badRequest(request.message) };
  if (request.kind === 'teardown') return { ok: true, values: {} };
  const given = request.params ?? {};
  if (request.state === 'charge is settled') {
    const charge = typeof given.charge_id === 'string' ? ctx.store.charges.get(given.charge_id) : undefined;
    if (charge === undefined) return { ok: false, rejection: reject.badRequest('params.charge_id names no charge') };
    charge.settled = true;
    return { ok: true, values: { charge_id: charge.id } };
  }
  return { ok: false, rejection: reject.badRequest(`unknown state: ${String(request.state)}`) };
}
