/**
 * Provider states within a verification's budgets: every profile's states go through `guardedStates`,
 * so a target that stopped answering (the guard's circuit) fails a state at once, and each state's
 * requests tell the circuit whether the target answered. `setUpState` asks the target's state hook
 * (PROFILE section 4) for a state, as every profile's provider states do.
 */
import { plainRequest } from '../client/plain-http';
import { TransportError } from '../client/transport';
import type { ResolvedTarget } from '../config/resolved';
import type { ContractBudget, ProviderState } from '../profiles/contract-side';
import { Circuit } from './guard';

/** The state handlers pact-js calls: the profile's, each guarded by `circuit`. */
export function guardedStates(states: Readonly<Record<string, ProviderState>>, circuit = new Circuit()): Record<string, (params?: unknown) => Promise<Record<string, unknown>>> {
  const params = (p: unknown) => (p && typeof p === 'object' ? (p as Record<string, unknown>) : {});
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
  return Object.fromEntries(Object.entries(states).map(([name, state]) => [name, (p?: unknown) => guarded(() => state(params(p)))]));
}

/**
 * Sets up `hookState` through the target's state hook, for the provider state `providerState`,
 * within `budget`.
 * @throws Error when the target has no state hook or it did not answer 2xx.
 */
export async function setUpState(target: ResolvedTarget, budget: ContractBudget, providerState: string, hookState: string, params: Record<string, unknown>): Promise<void> {
  if (!target.stateUrl) throw new Error(`provider state "${providerState}" needs the target's state hook (state_url)`);
  const plain = { timeoutMs: budget.timeoutMs, ...(budget.maxAnswerBytes !== undefined && { maxResponseBytes: budget.maxAnswerBytes }) };
  const answer = await plainRequest(target.stateUrl, { method: 'POST', json: { action: 'setup', state: hookState, params }, ...plain });
  if (answer.status < 200 || answer.status > 299) throw new Error(`provider state: the state hook answered ${answer.status} to "${hookState}"`);
}
