/**
 * The POS contract's provider states against a real target: the target's state hook only settles
 * charges (PROFILE section 4), so "an approved charge" is made through the API itself, and "a
 * settled charge" is made and then settled through the hook. Each returns the charge_id that Pact
 * injects into the interaction's path. The core guards them (src/pact/states.ts).
 */
import { sampleCharge } from '../../../client/fixtures';
import type { PosClient } from '../../../client/pos-client';
import type { ResolvedTarget } from '../../../config/resolved';
import { setUpState } from '../../../pact/states';
import type { ContractBudget, ProviderState } from '../../contract-side';

async function approvedCharge(client: PosClient, target: ResolvedTarget, params: Record<string, unknown>): Promise<string> {
  const value = typeof params.value === 'string' ? params.value : '1500';
  const currency = typeof params.currency === 'string' ? params.currency : 'EUR';
  const answer = await client.charge(sampleCharge({ pan: target.cards.approved, terminalId: client.credentials.terminalId, value, currency }, client.now()));
  const plaintext = answer.plaintext as { charge_id?: unknown; status?: unknown } | undefined;
  if (answer.status !== 200 || plaintext?.status !== 'approved' || typeof plaintext.charge_id !== 'string') {
    throw new Error(`provider state: the target did not approve a charge with the approved test card (answered ${answer.status})`);
  }
  return plaintext.charge_id;
}

/** The provider states, each within `budget`, signed by `client` (the target's terminal). */
export function posStates(client: PosClient, target: ResolvedTarget, budget: ContractBudget): Record<string, ProviderState> {
  return {
    'an approved charge': async (params) => ({ charge_id: await approvedCharge(client, target, params) }),
    'a settled charge': async (params) => {
      const chargeId = await approvedCharge(client, target, params);
      await setUpState(target, budget, 'a settled charge', 'charge is settled', { charge_id: chargeId });
      return { charge_id: chargeId };
    },
  };
}
