/** The clients for a resolved target: the signed POS client, the VPWS client where tokens are given, the Viva client for a terminal. */
import { PosClient, type ClientOptions } from '../client/pos-client';
import { VpwsClient } from '../profiles/vpws/client';
import { vivaClientFor } from '../profiles/viva-interapp/client';
import { DEFAULT_VIVA_SETTINGS, type ResolvedTarget } from '../config/resolved';
import { DEFAULT_USER_AGENT } from '../profile/pos';
import type { ScenarioEnv } from './run-scenario';

export function clientFor(target: ResolvedTarget, options: ClientOptions = {}): PosClient {
  const { baseUrl, terminalId, keyId, hmacSecret, msk, kcvMethod } = target;
  return new PosClient({ baseUrl, terminalId, keyId, hmacSecret, msk, kcvMethod, userAgent: DEFAULT_USER_AGENT }, options);
}

/**
 * Everything a check needs to talk to this target, within the run's budgets: `timeoutMs` for
 * each whole exchange, `maxAnswerBytes` read of each answer (default: the transport's).
 */
export function envFor(target: ResolvedTarget, runId: string, timeoutMs: number, maxAnswerBytes?: number): ScenarioEnv {
  const budget = { timeoutMs, ...(maxAnswerBytes !== undefined && { maxResponseBytes: maxAnswerBytes }) };
  const env: ScenarioEnv = { client: clientFor(target, budget), target, runId, timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }) };
  const { dealer_a, dealer_b } = target.tokens ?? {};
  if (dealer_a && dealer_b) env.vpws = new VpwsClient({ baseUrl: target.baseUrl, tokens: { dealer_a, dealer_b } }, budget);
  if (target.profile === 'viva-interapp') env.viva = vivaClientFor(target.baseUrl, target.viva ?? DEFAULT_VIVA_SETTINGS, budget);
  return env;
}
