/**
 * The state hook of PROFILE section 4 (Pact's provider-state format): `POST /_conformance/state`
 * with `{"action":"setup","state":NAME,"params":{...}}`, answered 200 with generated values.
 */
import { reject, type Rejection } from './rejection';
import type { RuleContext } from './rules';

/** A state request, read: a teardown, a setup of a named state, or why it cannot be read. */
export type StateRequest =
  | { kind: 'teardown' }
  | { kind: 'setup'; state: unknown; params: Record<string, unknown> | undefined }
  | { kind: 'invalid'; message: string };

/**
 * Reads the provider-state envelope every target's hook shares; the states and their params are
 * each target's own. A setup may come without `action` (some Pact versions send it that way).
 */
export function parseStateRequest(body: Buffer): StateRequest {
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'invalid', message: 'state request is not JSON' };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return { kind: 'invalid', message: 'state request is not an object' };
  const { action, state, params } = request as { action?: unknown; state?: unknown; params?: unknown };
  if (action === 'teardown') return { kind: 'teardown' };
  if (action !== undefined && action !== 'setup') return { kind: 'invalid', message: 'action must be setup or teardown' };
  const given = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : undefined;
  return { kind: 'setup', state, params: given };
}

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
