/**
 * The target's in-memory state: charges, their refunds, idempotency records and seen nonces.
 * Mutations that depend on a check happen under the charge's lock (see KeyedLock).
 */
import type { PaymentStatus } from '../../../profile/pos';
import { KeyedLock } from '../../../target-kit/lock';

export interface Amount {
  value: string;
  currency: string;
}

export type ChargeState = PaymentStatus | 'cancelled';

export interface Refund {
  id: string;
  status: PaymentStatus;
  amount: Amount;
}

export interface Charge {
  id: string;
  terminalId: string;
  /** As processed: what the charge answer says, also to idempotent repeats after a cancel (PROFILE 1.5). */
  processed: PaymentStatus;
  state: ChargeState;
  settled: boolean;
  amount: Amount;
  gatewayData: Record<string, string>;
  refunds: Refund[];
}

/** What an idempotent repeat gets back: the original charge's answer, once it exists. */
export interface IdempotencyRecord {
  fingerprint: string;
  charge: Promise<Charge>;
}

export class TargetStore {
  readonly charges = new Map<string, Charge>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Seen nonces by key id, with the time they were seen. */
  readonly nonces = new Map<string, Map<string, number>>();
  readonly lock = new KeyedLock();

  /** Sum of a charge's approved refunds, in minor units. */
  refundedMinor(charge: Charge): bigint {
    return charge.refunds.filter((r) => r.status === 'approved').reduce((sum, r) => sum + BigInt(r.amount.value), 0n);
  }
}
