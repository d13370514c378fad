/** The clients for a resolved target: the signed POS client, and the VPWS client where tokens are given. */
import { PosClient, type ClientOptions } from '../client/pos-client';
import { VpwsClient } from '../client/vpws-client';
import type { ResolvedTarget } from '../config/resolved';
import { DEFAULT_USER_AGENT } from '../profile/pos';
import type { ScenarioEnv } from './run-scenario';

export function clientFor(target: ResolvedTarget, options: ClientOptions = {}): PosClient {
  const { baseUrl, terminalId, keyId, hmacSecret, msk, kcvMethod } = target;
  return new PosClient({ baseUrl, terminalId, keyId, hmacSecret, msk, kcvMethod, userAgent: DEFAULT_USER_AGENT }, options);
}

/** Everything a check needs to talk to this target. */
export function envFor(target: ResolvedTarget, runId: string, timeoutMs: number): ScenarioEnv {
  const env: ScenarioEnv = { client: clientFor(target, { timeoutMs }), target, runId, timeoutMs };
  const { dealer_a, dealer_b } = target.tokens ?? {};
  if (dealer_a && dealer_b) env.vpws = new VpwsClient({ baseUrl: target.baseUrl, tokens: { dealer_a, dealer_b } }, { timeoutMs });
  return env;
}
