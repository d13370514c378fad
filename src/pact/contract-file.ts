/** Reading a contract file, the paycert comment of each interaction, and the profile it is for. */
import { readFileSync } from 'node:fs';
import type { Level } from '../core/types';
import { allProfiles, profileNamed, type Profile } from '../profiles';
import type { ContractSide } from '../profiles/contract-side';

/**
 * What paycert writes in each interaction's comments (`comments.paycert`): the interaction, the
 * check it is, and whatever its profile's verifier reads back (its own fields, its own types).
 */
export interface PaycertComment {
  interaction: string;
  /** The profile the contract is for; absent: the default profile (the first registered). */
  profile?: string;
  check: { level: Level; clause: string };
  [field: string]: unknown;
}

export interface ContractInteraction {
  description: string;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
  comments?: { paycert?: PaycertComment };
}

export interface ContractDocument {
  consumer: { name: string };
  provider: { name: string };
  interactions: ContractInteraction[];
  [key: string]: unknown;
}

export type PaycertInteraction = ContractInteraction & { comments: { paycert: PaycertComment } };

export function readContract(file: string): ContractDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as ContractDocument;
}

/** The interactions paycert can verify (those it wrote: they carry its comment). */
export function paycertInteractions(contract: ContractDocument): PaycertInteraction[] {
  return contract.interactions.filter((i): i is PaycertInteraction => i.comments?.paycert !== undefined);
}

/** The profile an interaction's comment names (the default profile when it names none). */
export function profileOfComment(comment: Pick<PaycertComment, 'profile'>): Profile {
  return comment.profile === undefined ? allProfiles()[0]! : profileNamed(comment.profile);
}

/** The profile a contract is for (its first interaction's), with its contract side. */
export function contractProfile(contract: ContractDocument): Profile & { contract: ContractSide } {
  const first = paycertInteractions(contract)[0];
  const profile = first ? profileOfComment(first.comments.paycert) : allProfiles()[0]!;
  if (!profile.contract) throw new Error(`the profile "${profile.name}" has no Pact contract`);
  return profile as Profile & { contract: ContractSide };
}

/** Whether an interaction starts from a provider state only the target's state hook can set up. */
export const needsStateHook = (i: ContractInteraction, contract: ContractSide) => (i.providerStates ?? []).some((s) => contract.stateHookStates.includes(s.name));
