/**
 * The clauses a client judge certifies: the request-side clauses of PROFILE 1.1-1.3 and 1.5-1.7
 * (the same rules a target enforces, read from the app's side) and the client clauses of the new
 * PROFILE 1.9. The 1.9 ids live here, not in the profile's list: a run against a target does not
 * certify them (they bind the other side).
 */
import type { Clause } from '../../../profile/clauses';
import { POS_CLAUSES } from '../clauses';

export const SEED = {
  charge: '002_ab239a52e75d4602.txt',
  refund: '001_5e9c28d058e0fa3b.txt',
  cancel: '000_2b9c11a22d8f1d3c.txt',
} as const;

/** PROFILE 1.9, one clause per rule. */
export const CLIENT_CLAUSES: readonly Clause[] = [
  { id: '1.9/client-requests', section: '1.9', level: 'MUST', seed: SEED.charge, side: 'client', text: "A client's requests keep 1.1-1.3 and the request rules of 1.5-1.7 (the same rules a target enforces)." },
  { id: '1.9/fresh-iv', section: '1.9', level: 'SHOULD', seed: SEED.charge, side: 'client', text: 'Each request envelope uses a fresh random IV.' },
  { id: '1.9/nonce-unpredictable', section: '1.9', level: 'SHOULD', seed: SEED.charge, side: 'client', text: 'Nonces are unpredictable (random, not a counter).' },
  { id: '1.9/nonce-across-restarts', section: '1.9', level: 'SHOULD', seed: SEED.charge, side: 'client', text: "Nonces are unique across the client's restarts (never repeated, also outside the window)." },
  { id: '1.9/idempotency-key-per-charge', section: '1.9', level: 'SHOULD', seed: SEED.charge, side: 'client', text: "An Idempotency-Key names one charge (seed 002: a unique key): another charge carries another key, or the target answers it with the first charge (1.5) and the sale is never made." },
  { id: '1.9/retry-idempotency-key', section: '1.9', level: 'SHOULD', seed: SEED.charge, side: 'client', text: 'A charge retried after no answer carries the same Idempotency-Key as the first attempt.' },
];

/** The ids of PROFILE 1.1-1.7 clauses whose rule is about a request (what a client sends). */
const REQUEST_SIDE = new Set([
  '1.1/routes',
  '1.1/device-headers',
  '1.2/signature',
  '1.2/signature-failures',
  '1.2/timestamp-reject',
  '1.2/timestamp-format',
  '1.2/nonce-format',
  '1.2/nonce-replay',
  '1.3/plaintext-body',
  '1.3/malformed-envelope',
  '1.5/required-fields',
  '1.5/amount-format',
  '1.5/amount-range',
  '1.5/currency-format',
  '1.5/currency-iso',
  '1.5/terminal-match',
  '1.7/cancel',
]);

/**
 * Every clause the client judge certifies, in PROFILE order: its coverage table. 1.9's first rule
 * (a client keeps the request rules of 1.1-1.7) is what makes those clauses the client's, so the
 * table lists them in its place.
 */
export const JUDGED_CLAUSES: readonly Clause[] = [...POS_CLAUSES.filter((c) => REQUEST_SIDE.has(c.id)), ...CLIENT_CLAUSES.filter((c) => c.id !== '1.9/client-requests')];

/** A judged clause by id. */
export function judgedClause(id: string): Clause | undefined {
  return JUDGED_CLAUSES.find((c) => c.id === id);
}
