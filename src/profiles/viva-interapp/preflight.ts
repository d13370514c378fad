/** The Viva terminal preflight: one request URI (a cancel of an order code no book holds), which any adapter answers with a callback. */
import type { ResolvedTarget } from '../../config/resolved';
import { notTheApi, type PreflightBudget } from '../target-side';
import { vivaClientFor } from './client';
import { INTERAPP_PATH } from './protocol/adapter';
import type { VivaSettings } from './settings';

/** Why a run against `target` cannot be meaningful, in one line, or null. Transport errors are thrown. */
export async function vivaPreflight(target: ResolvedTarget, settings: VivaSettings, budget: PreflightBudget): Promise<string | null> {
  const transport = { timeoutMs: budget.timeoutMs, ...(budget.maxAnswerBytes !== undefined && { maxResponseBytes: budget.maxAnswerBytes }) };
  const answer = await vivaClientFor(target.baseUrl, settings, transport).cancel({ fields: { orderCode: '1000000000000000' } });
  const what = `POST ${target.baseUrl}${INTERAPP_PATH}`;
  const route = notTheApi(answer.status, what, target.baseUrl, INTERAPP_PATH);
  if (route) return route;
  if (answer.callback === undefined && answer.status < 500) return `${what} answered ${answer.status} without a {"callback"}: is base_url the terminal's inter-app adapter (PROFILE 3)?`;
  return null;
}
