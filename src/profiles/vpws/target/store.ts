/**
 * The VPWS target's in-memory state: transactions by referenceCode (the state hook creates them)
 * and the per-referenceCode lock that makes decide-then-commit one critical section.
 */
import { KeyedLock } from '../../../target-kit/lock';
import type { VpwsTransaction } from './types';

export class VpwsStore {
  /** referenceCodes are unique across dealers, as a gateway issues them. */
  readonly transactions = new Map<string, VpwsTransaction>();
  readonly lock = new KeyedLock();
}
