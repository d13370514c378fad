/**
 * The POS preflight: a signed charge with the approved card, which must go through if the terminal
 * id, key id and secret are right. The target's clock is read first, so a target whose clock is
 * off is not mistaken for one that refuses the signature.
 */
import { sampleCharge } from '../../client/fixtures';
import { PosClient } from '../../client/pos-client';
import type { ResolvedTarget } from '../../config/resolved';
import { DEFAULT_USER_AGENT } from '../../profile/pos';
import { estimateClockOffset } from './clock';
import { notTheApi, saidIn, type PreflightBudget } from '../target-side';
import type { PosSettings } from './settings';

/** Why a run against `target` cannot be meaningful, in one line, or null. Transport errors are thrown. */
export async function posPreflight(target: ResolvedTarget, settings: PosSettings, budget: PreflightBudget): Promise<string | null> {
  const transport = { timeoutMs: budget.timeoutMs, ...(budget.maxAnswerBytes !== undefined && { maxResponseBytes: budget.maxAnswerBytes }) };
  const client = new PosClient({ baseUrl: target.baseUrl, ...settings, userAgent: DEFAULT_USER_AGENT }, transport);
  const offset = await estimateClockOffset(client);
  client.setClockOffset(offset);
  const skew = Math.abs(offset) >= 60_000 ? `; the target's clock (its Date header) is ${Math.round(offset / 1000)} s from this machine's, which paycert allows for` : '';
  const answer = await client.charge(sampleCharge({ pan: target.cards.approved, terminalId: settings.terminalId }, client.now()));
  const route = notTheApi(answer.status, `POST ${target.baseUrl}/pos/charge`, target.baseUrl, '/pos');
  if (route) return route;
  if (answer.status === 401 || answer.status === 403) {
    return `the target refused a correctly signed charge with ${answer.status}${saidIn(answer.error, answer.json)}: check hmac_secret, key_id (${settings.keyId}) and terminal_id (${settings.terminalId}) in ${target.source}${skew}; if they are right, the target does not verify signatures as PROFILE 1.2 says (--no-preflight certifies it anyway)`;
  }
  return null;
}
