/**
 * The contract side of a `Profile` (./profile.ts): its Pact contract, for a profile that has one.
 * The core (src/pact/) owns the pact-js plumbing: reading contract files, the verifier in a child
 * process behind the budget guard, the request filter that finds each interaction, the provider
 * states' guard, and the `pact.*` checks of a run. A profile says how its contract scenarios become
 * interactions (and writes them against pact-js's mock server), how a request of an interaction
 * reaches a real target (credentials, signature, encryption), what of an answer Pact's matchers
 * cannot see, and how its provider states are set up.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ResolvedTarget } from '../config/resolved';
import type { ContractNames } from '../pact/names';
import type { PaycertComment } from '../pact/contract-file';
import type { LoadedScenario } from '../scenario/types';

/** The budgets every request of a verification keeps (the run's `--timeout` and `--max-answer-bytes`). */
export interface ContractBudget {
  timeoutMs: number;
  maxAnswerBytes?: number;
}

/** A request of an interaction as the verifier's filter holds it, before it goes to the target. */
export interface ContractRequest {
  method?: string;
  /** Lower-case names. */
  headers: IncomingHttpHeaders;
  /** The body as Pact built it (parsed JSON); a filter leaves a Buffer here. */
  body?: unknown;
  /** The request target as Pact sent it (path and query). */
  originalUrl?: string;
  url?: string;
}

/** Sets up one provider state on the target; returns the values Pact injects (`fromProviderState`). */
export type ProviderState = (params: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** How one verification reaches one target of the profile. */
export interface ContractVerifier {
  /** The provider states the profile's contracts start from, by name. */
  readonly states: Readonly<Record<string, ProviderState>>;
  /** Makes `req` the request the target must get for the interaction `comment` describes: its body a Buffer, its Content-Length right. */
  prepareRequest(req: ContractRequest, comment: PaycertComment): void;
  /** What is wrong with an answer that Pact's matchers cannot see (e.g. its decrypted plaintext), in words; empty: nothing. */
  answerProblems(comment: PaycertComment, status: number, body: Buffer): string[];
}

export interface ContractSide {
  /** The consumer and provider names of the contract paycert ships (contracts/<consumer>-<provider>.json). */
  readonly names: ContractNames;
  /** The provider states only the target's state hook can set up: their interactions are skipped without state_url. */
  readonly stateHookStates: readonly string[];
  /** The check id of an interaction of a run (`pact.<what>`), from the interaction's id (its scenario's). */
  checkId(interaction: string): string;
  /** The check title of an interaction, from its description. */
  checkTitle(description: string): string;
  /**
   * Writes the contract into `dir` under `names`, one interaction per contract scenario (the
   * profile's scenarios with a `contract` block, in file order), each exercised against pact-js's
   * mock server; returns the file. Loads pact-js.
   */
  generate(scenarios: readonly LoadedScenario[], dir: string, names: ContractNames): Promise<string>;
  /** How a verification of this profile's contract reaches `target`, within `budget`. */
  verifier(target: ResolvedTarget, budget: ContractBudget): ContractVerifier;
}
