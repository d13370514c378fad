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
import { TransportError } from '../client/transport';
import type { ResolvedTarget } from '../config/resolved';
import { Circuit, type GuardBudget } from './guard';

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

/**
 * The provider states, within the verification's budgets: each request ends within the timeout and
 * reads at most the answer budget; a target that stopped answering (`circuit`) fails a state at once.
 */
export function stateHandlers(client: PosClient, target: ResolvedTarget, budget: GuardBudget, circuit = new Circuit()) {
  const params = (p: unknown) => (p && typeof p === 'object' ? (p as Record<string, unknown>) : {});
  const plain = { timeoutMs: budget.timeoutMs, ...(budget.maxAnswerBytes !== undefined && { maxResponseBytes: budget.maxAnswerBytes }) };
  /** Runs a state's requests, telling the circuit whether the target answered. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    if (circuit.gone) throw new Error(`provider state: ${circuit.gone}`);
    try {
      const result = await work();
      circuit.answered();
      return result;
    } catch (error) {
      if (error instanceof TransportError) circuit.noAnswer(error);
      throw error;
    }
  };
  return {
    'an approved charge': (p?: unknown) => guarded(async () => ({ charge_id: await approvedCharge(client, target, params(p)) })),
    'a settled charge': (p?: unknown) =>
      guarded(async () => {
        const chargeId = await approvedCharge(client, target, params(p));
        if (!target.stateUrl) throw new Error('provider state "a settled charge" needs the target\'s state hook (state_url)');
        const answer = await plainRequest(target.stateUrl, { method: 'POST', json: { action: 'setup', state: 'charge is settled', params: { charge_id: chargeId } }, ...plain });
        if (answer.status < 200 || answer.status > 299) throw new Error(`provider state: the state hook answered ${answer.status} to "charge is settled"`);
        return { charge_id: chargeId };
      }),
    // VPWS: the state hook makes the transaction (PROFILE section 4), under a fresh referenceCode per run.
    'vpws transaction exists': (p?: unknown) =>
      guarded(async () => {
        if (!target.stateUrl) throw new Error('provider state "vpws transaction exists" needs the target\'s state hook (state_url)');
        const referenceCode = `ref-pact-${randomBytes(6).toString('hex')}`;
        const answer = await plainRequest(target.stateUrl, { method: 'POST', json: { action: 'setup', state: 'vpws transaction exists', params: { ...params(p), referenceCode } }, ...plain });
        if (answer.status < 200 || answer.status > 299) throw new Error(`provider state: the state hook answered ${answer.status} to "vpws transaction exists"`);
        return { referenceCode };
      }),
  };
}
