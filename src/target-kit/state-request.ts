/**
 * The state hook's request (PROFILE section 4, Pact's provider-state format), as every reference
 * target reads it: `POST /_conformance/state` with `{"action":"setup","state":NAME,"params":{...}}`.
 * The states and their params are each target's own.
 */

export const STATE_HOOK_PATH = '/_conformance/state';

/** A state request, read: a teardown, a setup of a named state, or why it cannot be read. */
export type StateRequest =
  | { kind: 'teardown' }
  | { kind: 'setup'; state: unknown; params: Record<string, unknown> | undefined }
  | { kind: 'invalid'; message: string };

/**
 * Reads the provider-state envelope every target's hook shares; the states and their params are
 * each target's own. A setup may come without `action` (some Pact versions send it that way), and
 * with the state in `states` instead of `state` (the Ruby verifier's older form). A state named ""
 * is what the Rust verifier (pact_verifier_cli, pact-js's Verifier) sends for an interaction that
 * has no provider state: each hook answers it 200 `{}`.
 */
export function parseStateRequest(body: Buffer): StateRequest {
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'invalid', message: 'state request is not JSON' };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return { kind: 'invalid', message: 'state request is not an object' };
  const { action, state, states, params } = request as { action?: unknown; state?: unknown; states?: unknown; params?: unknown };
  if (action === 'teardown') return { kind: 'teardown' };
  if (action !== undefined && action !== 'setup') return { kind: 'invalid', message: 'action must be setup or teardown' };
  const given = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : undefined;
  // The older verifiers' form names the state in a one-element `states` list (`{"states":["x"]}`); none listed is no state.
  if (state === undefined && Array.isArray(states)) {
    if (states.length > 1) return { kind: 'invalid', message: 'one state per request' };
    return { kind: 'setup', state: states[0] ?? '', params: given };
  }
  return { kind: 'setup', state, params: given };
}
