/**
 * The state hook of PROFILE section 4, in Pact's state-change protocol as pact-js's Verifier and the
 * Rust verifier (pact_verifier_cli) send it: `POST /_conformance/state` with
 * `{"action":"setup","state":NAME,"params":{...}}`, answered 200 with the values it generated.
 *
 * - `charge is settled` (PROFILE 4) settles the charge `charge_id` names; without a `charge_id` it
 *   makes an approved charge first, so a verifier that sends only a contract's params has one.
 * - `an approved charge` and `a settled charge`, the POS contract's own states, make an approved
 *   charge (of `value`/`currency`, default 1500 EUR, on the target's terminal) and settle the second.
 *   Each answers `charge_id`, which Pact injects into the interaction's path.
 * - The empty state (what the Rust verifier posts for an interaction without a state) and every
 *   teardown: 200 `{}`.
 */
import { newId } from './ids';
import { reject, type Rejection } from './rejection';
import type { RuleContext } from './rules';
import type { Charge } from './store';
import { parseStateRequest } from '../../../target-kit/state-request';

export type StateAnswer = { ok: true; values: Record<string, unknown> } | { ok: false; rejection: Rejection };

/** An approved, unsettled charge of the target's first terminal, as if a charge had been processed. */
function madeCharge(given: Record<string, unknown>, ctx: RuleContext): Charge | string {
  const value = given.value ?? '1500';
  const currency = given.currency ?? 'EUR';
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,11}$/.test(value)) return 'params.value must be an amount in minor units ("1500")';
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return 'params.currency must be three upper-case letters';
  const terminal = ctx.options.terminals[0];
  if (terminal === undefined) return 'the target has no terminal';
  const charge: Charge = {
    id: newId('ch', ctx.options.liberties.idStyle),
    terminalId: terminal.id,
    processed: 'approved',
    state: 'approved',
    settled: false,
    amount: { value, currency },
    gatewayData: { authorization_code: 'A12345', rrn: String(Date.now()).slice(-12) },
    refunds: [],
  };
  ctx.store.charges.set(charge.id, charge);
  return charge;
}

export function applyState(body: Buffer, ctx: RuleContext): StateAnswer {
  const request = parseStateRequest(body);
  if (request.kind === 'invalid') return { ok: false, rejection: reject.badRequest(request.message) };
  if (request.kind === 'teardown' || request.state === '') return { ok: true, values: {} };
  const given = request.params ?? {};
  const settle = request.state === 'charge is settled' || request.state === 'a settled charge';
  if (!settle && request.state !== 'an approved charge') return { ok: false, rejection: reject.badRequest(`unknown state: ${String(request.state)}`) };
  let charge: Charge | string | undefined;
  if (request.state === 'charge is settled' && given.charge_id !== undefined) {
    charge = typeof given.charge_id === 'string' ? ctx.store.charges.get(given.charge_id) : undefined;
    if (charge === undefined) return { ok: false, rejection: reject.badRequest('params.charge_id names no charge') };
  } else {
    charge = madeCharge(given, ctx);
    if (typeof charge === 'string') return { ok: false, rejection: reject.badRequest(charge) };
  }
  if (settle) charge.settled = true;
  return { ok: true, values: { charge_id: charge.id } };
}
