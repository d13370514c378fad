/**
 * PROFILE 1.5 and 1.6 under concurrency: refunds that race never exceed the charge, and
 * idempotent repeats that race create one charge. Each property is also run against the target
 * with its lock (or reservation) switched off, to show the race in the test is real: without the
 * rule, the same requests do break the invariant.
 */
import { sampleCharge, sampleRefund } from '../../../client/fixtures';
import { startReference, type Reference } from '../testing/reference';
import type { Charge } from './store';
import type { RuleContext } from './rules';

const REFUNDS = 10;
/**
 * For the runs that show a fault: a slow gateway, so ten requests surely overlap even on a
 * loaded CI machine. The correct target is tested at its default latency.
 */
const SLOW_GATEWAY_MS = 100;

async function raceRefunds(ref: Reference): Promise<{ approved: number; statuses: number[]; refunded: bigint }> {
  const charge = await ref.client.charge(sampleCharge({ value: '1000' }));
  const chargeId = (charge.plaintext as { charge_id: string }).charge_id;
  const answers = await Promise.all(Array.from({ length: REFUNDS }, () => ref.client.refund(chargeId, sampleRefund('300'))));
  const statuses = answers.map((a) => a.status);
  const stored = ref.target.store.charges.get(chargeId)!;
  return { approved: statuses.filter((s) => s === 200).length, statuses, refunded: ref.target.store.refundedMinor(stored) };
}

async function raceRepeats(ref: Reference): Promise<Set<string>> {
  const before = ref.target.store.charges.size;
  const answers = await Promise.all(Array.from({ length: 10 }, () => ref.client.charge(sampleCharge(), { idempotencyKey: 'race-1' })));
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  expect(ref.target.store.charges.size - before).toBeGreaterThanOrEqual(1);
  return new Set(answers.map((a) => (a.plaintext as { charge_id: string }).charge_id));
}

/** An idempotency rule as implementers often first write it: look up, then make, then store. */
async function checkThenStore(scope: string, print: string, create: () => Promise<Charge>, ctx: RuleContext): Promise<Charge> {
  const existing = ctx.store.idempotency.get(scope);
  if (existing) return existing.charge;
  const charge = await create();
  ctx.store.idempotency.set(scope, { fingerprint: print, charge: Promise.resolve(charge) });
  return charge;
}

describe('1.6 refund total under concurrent refunds', () => {
  it(`${REFUNDS} concurrent refunds of 300 against a 1000 charge: exactly 3 approved, the rest 400`, async () => {
    const ref = await startReference();
    try {
      const { approved, statuses, refunded } = await raceRefunds(ref);
      expect(approved).toBe(3);
      expect(statuses.filter((s) => s === 400)).toHaveLength(REFUNDS - 3);
      expect(refunded).toBe(900n);
    } finally {
      await ref.close();
    }
  });

  it('the race is real: without the charge lock the same refunds exceed the charge', async () => {
    const ref = await startReference({ gatewayLatencyMs: SLOW_GATEWAY_MS, rules: { withChargeLock: (_id, work) => work() } });
    try {
      const { approved, refunded } = await raceRefunds(ref);
      expect(approved).toBeGreaterThan(3);
      expect(refunded).toBeGreaterThan(1000n);
    } finally {
      await ref.close();
    }
  });
});

describe('1.5 idempotent repeats sent concurrently', () => {
  it('ten concurrent charges with one Idempotency-Key make one charge', async () => {
    const ref = await startReference();
    try {
      const before = ref.target.store.charges.size;
      const ids = await raceRepeats(ref);
      expect(ids.size).toBe(1);
      expect(ref.target.store.charges.size - before).toBe(1);
    } finally {
      await ref.close();
    }
  });

  it('the race is real: checking before making (no reservation) makes several charges', async () => {
    const ref = await startReference({ gatewayLatencyMs: SLOW_GATEWAY_MS, rules: { idempotentCharge: checkThenStore } });
    try {
      const ids = await raceRepeats(ref);
      expect(ids.size).toBeGreaterThan(1);
    } finally {
      await ref.close();
    }
  });
});
