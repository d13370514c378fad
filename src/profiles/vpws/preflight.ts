/**
 * The VPWS preflight: a token probe per dealer (a cancel without a referenceCode, refused for its
 * body once the token is accepted; nothing is cancelled). A 401 means the configured token is not
 * the target's.
 */
import type { ResolvedTarget } from '../../config/resolved';
import { notTheApi, saidIn, type PreflightBudget } from '../target-side';
import { VpwsClient } from './client';
import type { VpwsSettings } from './settings';

/** Why a run against `target` cannot be meaningful, in one line, or null. Transport errors are thrown. */
export async function vpwsPreflight(target: ResolvedTarget, settings: VpwsSettings, budget: PreflightBudget): Promise<string | null> {
  const { dealer_a, dealer_b } = settings.tokens;
  if (!dealer_a || !dealer_b) return null;
  const transport = { timeoutMs: budget.timeoutMs, ...(budget.maxAnswerBytes !== undefined && { maxResponseBytes: budget.maxAnswerBytes }) };
  const client = new VpwsClient({ baseUrl: target.baseUrl, tokens: { dealer_a, dealer_b } }, transport);
  for (const dealer of ['dealer_a', 'dealer_b'] as const) {
    const answer = await client.cancel({}, { token: dealer });
    const route = notTheApi(answer.status, `POST ${target.baseUrl}/vpws/payment/cancel`, target.baseUrl, '/vpws');
    if (route) return route;
    if (answer.status === 401) return `the target refused tokens.${dealer} with 401${saidIn(answer.error, answer.json)}: check tokens.${dealer} in ${target.source} (--no-preflight certifies it anyway)`;
  }
  return null;
}
