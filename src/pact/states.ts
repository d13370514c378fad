/**
 * Provider states for verifying a contract against a real target: the target's state hook only
 * settles charges (PROFILE section 4), so "an approved charge" is made through the API itself,
 * and "a settled charge" is made and then settled through the hook. Each returns the charge_id
 * that Pact injects into the interaction's path.
 */
import { randomBytes } from 'node:crypto';
import { sampleCharge } from '../client/fixtures';
import { plainRequest } from '../client/plain-http';
import type { PosClient } from '../client/pos-client';
import type { ResolvedTarget } from '../config/resolved';

async function approvedCharge(client: PosClient, target: ResolvedTarget, params: Record<string, unknown>): Promise<string> {
  const value = typeof params.value === 'string' ? params.value : '1500';
  const currency = typeof params.currency === 'string' ? params.currency : 'EUR';
  const answer = await client.charge(sampleCharge({ pan: target.cards.approved, terminalId: target.terminalId, value, currency }, client.now()));
  const plaintext = answer.plaintext as { charge_id?: unknown; status?: unknown } | undefined;
  if (answer.status !== 200 || plaintext?.status !== 'approved' || typeof plaintext.charge_id !== 'string') {
    throw new Error(`provider state: the target did not approve a charge with the approved test card (answered ${answer.status})`);
  }
  return plaintext.charge_id;
}

export function stateHandlers(client: PosClient, target: ResolvedTarget, timeoutMs: number) {
  const params = (p: unknown) => (p && typeof p === 'object' ? (p as Record<string, unknown>) : {});
  return {
    'an approved charge': async (p?: unknown) => ({ charge_id: await approvedCharge(client, target, params(p)) }),
    'a settled charge': async (p?: unknown) => {
      const chargeId = await approvedCharge(client, target, params(p));
      if (!target.stateUrl) throw new Error('provider state "a settled charge" needs the target\'s state hook (state_url)');
      const answer = await plainRequest(target.stateUrl, { method: 'POST', json: { action: 'setup', state: 'charge is settled', params: { charge_id: chargeId } }, timeoutMs });
      if (answer.status < 200 || answer.status > 299) throw new Error(`provider state: the state hook answered ${answer.status} to "charge is settled"`);
      return { charge_id: chargeId };
    },
    // VPWS: the state hook makes the transaction (PROFILE section 4), under a fresh referenceCode per run.
    'vpws transaction exists': async (p?: unknown) => {
      if (!target.stateUrl) throw new Error('provider state "vpws transaction exists" needs the target\'s state hook (state_url)');
      const referenceCode = `ref-pact-${randomBytes(6).toString('hex')}`;
      const answer = await plainRequest(target.stateUrl, { method: 'POST', json: { action: 'setup', state: 'vpws transaction exists', params: { ...params(p), referenceCode } }, timeoutMs });
      if (answer.status < 200 || answer.status > 299) throw new Error(`provider state: the state hook answered ${answer.status} to "vpws transaction exists"`);
      return { referenceCode };
    },
  };
}
