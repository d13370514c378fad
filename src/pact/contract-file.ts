/** Reading a contract file and the paycert comment of each interaction. */
import { readFileSync } from 'node:fs';
import type { Level } from '../core/types';

export interface PaycertComment {
  interaction: string;
  /** Absent for the POS contract. */
  profile?: 'vpws';
  /** VPWS: whose token the filter sends. */
  token?: 'dealer_a' | 'dealer_b' | 'none' | 'invalid';
  check: { level: Level; clause: string };
  intent?: 'sign' | 'bad-signature' | 'stale-timestamp';
  request_plaintext?: unknown;
  response_plaintext?: Record<string, unknown> | null;
  exact_fields: string[];
  error_code?: string | null;
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

export function readContract(file: string): ContractDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as ContractDocument;
}

/** The interactions paycert can verify (those it wrote: they carry its comment). */
export function paycertInteractions(contract: ContractDocument): Array<ContractInteraction & { comments: { paycert: PaycertComment } }> {
  return contract.interactions.filter((i): i is ContractInteraction & { comments: { paycert: PaycertComment } } => i.comments?.paycert !== undefined);
}

export const needsStateHook = (i: ContractInteraction) => (i.providerStates ?? []).some((s) => s.name === 'a settled charge' || s.name === 'vpws transaction exists');
