/**
 * Before the suite: one request that must work if the configuration is right (a signed charge with
 * the approved card; for VPWS a token probe per dealer; for a Viva terminal one request URI). When
 * the target refuses it, or answers 404 where the API must be, every check would fail for the same
 * reason, and that reason is the user's, not the target's: the run stops with one line naming the
 * likely cause (exit 2) instead of hundreds of failures.
 */
import { sampleCharge } from '../client/fixtures';
import type { Answer } from '../client/pos-client';
import { TransportError } from '../client/transport';
import type { ResolvedTarget } from '../config/resolved';
import { envFor } from '../scenario/client-for';
import { estimateClockOffset } from '../scenario/clock';
import type { ScenarioEnv } from '../scenario/run-scenario';

/** Why the run cannot be meaningful, in one line; null when the probe went through. */
export type Diagnosis = string | null;

function said(answer: Answer): string {
  const error = answer.error as { code?: unknown; message?: unknown } | undefined;
  const json = answer.json as { message?: unknown } | undefined;
  const text = error ? `${String(error.code)}: ${String(error.message)}` : typeof json?.message === 'string' ? json.message : '';
  return text ? ` (${text.slice(0, 120)})` : '';
}

function notTheApi(answer: Answer, what: string, target: ResolvedTarget): Diagnosis {
  if (answer.status === 404 || answer.status === 405) return `${what} answered ${answer.status}: is base_url ${target.baseUrl} right (it must be the API's root, without /pos or /vpws)?`;
  return null;
}

async function posPreflight(env: ScenarioEnv, target: ResolvedTarget): Promise<Diagnosis> {
  const offset = await estimateClockOffset(env.client);
  env.client.setClockOffset(offset);
  const skew = Math.abs(offset) >= 60_000 ? `; the target's clock (its Date header) is ${Math.round(offset / 1000)} s from this machine's, which paycert allows for` : '';
  const answer = await env.client.charge(sampleCharge({ pan: target.cards.approved, terminalId: target.terminalId }, env.client.now()));
  const route = notTheApi(answer, `POST ${target.baseUrl}/pos/charge`, target);
  if (route) return route;
  if (answer.status === 401 || answer.status === 403) {
    return `the target refused a correctly signed charge with ${answer.status}${said(answer)}: check hmac_secret, key_id (${target.keyId}) and terminal_id (${target.terminalId}) in ${target.source}${skew}; if they are right, the target does not verify signatures as PROFILE 1.2 says (--no-preflight certifies it anyway)`;
  }
  return null;
}

async function vpwsPreflight(env: ScenarioEnv, target: ResolvedTarget): Promise<Diagnosis> {
  for (const dealer of ['dealer_a', 'dealer_b'] as const) {
    // No referenceCode: a refusal for the body, after the token was accepted; nothing is cancelled.
    const answer = await env.vpws!.cancel({}, { token: dealer });
    const route = notTheApi(answer, `POST ${target.baseUrl}/vpws/payment/cancel`, target);
    if (route) return route;
    if (answer.status === 401) return `the target refused tokens.${dealer} with 401${said(answer)}: check tokens.${dealer} in ${target.source} (--no-preflight certifies it anyway)`;
  }
  return null;
}

async function vivaPreflight(env: ScenarioEnv, target: ResolvedTarget): Promise<Diagnosis> {
  const answer = await env.viva!.cancel({ fields: { orderCode: '1000000000000000' } });
  const route = notTheApi(answer, `POST ${target.baseUrl}/interapp`, target);
  if (route) return route;
  if (answer.callback === undefined && answer.status < 500) return `POST ${target.baseUrl}/interapp answered ${answer.status} without a {"callback"}: is base_url the terminal's inter-app adapter (PROFILE 3)?`;
  return null;
}

/**
 * Sends the preflight request of the target's profile. Only what points at the configuration is a
 * diagnosis (credentials refused, no API at the base URL); a target that answers the probe wrongly
 * in any other way (a 400, a 5xx, a bad envelope) is left to the checks, which report it as the
 * target's fault.
 */
export async function preflight(target: ResolvedTarget, timeoutMs: number, maxAnswerBytes?: number): Promise<Diagnosis> {
  const env = envFor(target, 'preflight', timeoutMs, maxAnswerBytes);
  try {
    if (target.profile === 'vpws') return env.vpws ? await vpwsPreflight(env, target) : null;
    if (target.profile === 'viva-interapp') return await vivaPreflight(env, target);
    return await posPreflight(env, target);
  } catch (error) {
    if (error instanceof TransportError) return `no answer from ${target.baseUrl}: ${error.message}`;
    throw error;
  }
}
