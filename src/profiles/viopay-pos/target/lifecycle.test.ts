/**
 * PROFILE 1.6, 1.7 and 1.8 against the reference target, driven through the signed client:
 * every row of the 1.8 table (refund, cancel and reverse), accepted and refused, under the
 * default MAY choices and under the alternatives the target can be told to take.
 */
import type { Answer } from '../../../client';
import { sampleCharge, sampleRefund } from '../../../client/fixtures';
import { expectOk, expectRefused } from '../../../testing/expect-answer';
import { TargetFleet } from '../testing/fleet';
import type { Reference } from '../testing/reference';
import type { TargetOptionsInput } from './options';

const APPROVED = '4111111111111111';
const DECLINED = '4000000000000002';
const PENDING = '4000000000000051';
const VOIDS = ['cancel', 'reverse'] as const;
type VoidOp = (typeof VOIDS)[number];

interface ChargePlain {
  charge_id: string;
  status: string;
  amount: { value: string; currency: string };
}
interface RefundPlain {
  refund_id: string;
  status: string;
  amount: { value: string; currency: string };
}

const fleet = new TargetFleet();
const start = (options: TargetOptionsInput = {}) => fleet.start(options);

async function newCharge(ref: Reference, pan = APPROVED, value = '1500', currency = 'EUR'): Promise<ChargePlain> {
  const answer = await ref.client.charge(sampleCharge({ pan, value, currency }));
  expectOk(answer);
  return answer.plaintext as ChargePlain;
}

async function settle(ref: Reference, chargeId: string): Promise<void> {
  const res = await fetch(ref.target.stateUrl!, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'setup', state: 'charge is settled', params: { charge_id: chargeId } }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual(expect.any(Object));
}

function voidCharge(ref: Reference, op: VoidOp, chargeId: string): Promise<Answer> {
  return op === 'cancel' ? ref.client.cancel(chargeId) : ref.client.reverse(chargeId);
}

function expectCancelled(answer: Answer, chargeId: string): void {
  expectOk(answer);
  expect(answer.plaintext).toEqual({ charge_id: chargeId, status: 'cancelled' });
}

let ref: Reference;

beforeAll(async () => {
  ref = await start();
});

afterAll(() => fleet.closeAll());

describe('1.8 approved, not settled', () => {
  it('1.6/1.8 approved not settled: refund MAY 200 (reference default accepts)', async () => {
    // Arrange
    const charge = await newCharge(ref);
    expect(charge.status).toBe('approved');
    // Act
    const answer = await ref.client.refund(charge.charge_id, sampleRefund('500'));
    // Assert
    expectOk(answer);
    expect((answer.plaintext as RefundPlain).amount).toEqual({ value: '500', currency: 'EUR' });
  });

  it('1.6/1.8 approved not settled: refund MAY 400 (refundBeforeSettlement refuse)', async () => {
    const refusing = await start({ may: { refundBeforeSettlement: 'refuse' } });
    const charge = await newCharge(refusing);
    const answer = await refusing.client.refund(charge.charge_id, sampleRefund('500'));
    expectRefused(answer, 400, '4000');
  });

  it('1.6/1.8 refundBeforeSettlement refuse: the same charge is refundable once settled', async () => {
    const refusing = await start({ may: { refundBeforeSettlement: 'refuse' } });
    const charge = await newCharge(refusing);
    await settle(refusing, charge.charge_id);
    const answer = await refusing.client.refund(charge.charge_id, sampleRefund('500'));
    expectOk(answer);
  });

  it.each(VOIDS)('1.7/1.8 approved not settled: %s MUST 200 cancelled', async (op) => {
    const charge = await newCharge(ref);
    const answer = await voidCharge(ref, op, charge.charge_id);
    expectCancelled(answer, charge.charge_id);
  });

  it.each(VOIDS)('1.7 approved not settled, partly refunded: %s MUST 200 cancelled', async (op) => {
    const charge = await newCharge(ref);
    expectOk(await ref.client.refund(charge.charge_id, sampleRefund('100')));
    const answer = await voidCharge(ref, op, charge.charge_id);
    expectCancelled(answer, charge.charge_id);
  });
});

describe('1.8 approved, settled (state hook "charge is settled")', () => {
  it('1.6/1.8 settled: refund MUST 200 within the remaining amount, exact remainder 200, one unit more 400', async () => {
    // Arrange
    const charge = await newCharge(ref, APPROVED, '1500');
    await settle(ref, charge.charge_id);
    // Act + Assert: 500 of 1500
    const first = await ref.client.refund(charge.charge_id, sampleRefund('500'));
    expectOk(first);
    expect((first.plaintext as RefundPlain).amount).toEqual({ value: '500', currency: 'EUR' });
    // one minor unit more than the remaining 1000
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('1001')), 400, '4000');
    // exactly the remaining 1000
    const exact = await ref.client.refund(charge.charge_id, sampleRefund('1000'));
    expectOk(exact);
    expect((exact.plaintext as RefundPlain).amount).toEqual({ value: '1000', currency: 'EUR' });
    // nothing remains
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('1')), 400, '4000');
  });

  it('1.6 settled: a single refund of the whole amount is 200, one minor unit over the whole amount is 400', async () => {
    const over = await newCharge(ref, APPROVED, '1500');
    await settle(ref, over.charge_id);
    expectRefused(await ref.client.refund(over.charge_id, sampleRefund('1501')), 400, '4000');
    expectOk(await ref.client.refund(over.charge_id, sampleRefund('1500')));
  });

  it('1.6 refunds arriving concurrently never exceed the charge amount', async () => {
    const charge = await newCharge(ref, APPROVED, '1000');
    await settle(ref, charge.charge_id);
    const answers = await Promise.all(Array.from({ length: 6 }, () => ref.client.refund(charge.charge_id, sampleRefund('300'))));
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(accepted).toHaveLength(3);
    for (const a of accepted) expectOk(a);
    for (const a of refused) expectRefused(a, 400, '4000');
  });

  it.each(VOIDS)('1.7/1.8 settled: %s MUST 400', async (op) => {
    const charge = await newCharge(ref);
    await settle(ref, charge.charge_id);
    const answer = await voidCharge(ref, op, charge.charge_id);
    expectRefused(answer, 400, '4000');
    // the refusal changed nothing: the charge is still refundable
    expectOk(await ref.client.refund(charge.charge_id, sampleRefund('100')));
  });
});

describe('1.8 pending', () => {
  it('1.6/1.8 pending: refund MUST 400', async () => {
    const charge = await newCharge(ref, PENDING);
    expect(charge.status).toBe('pending');
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('500')), 400, '4000');
  });

  it.each(VOIDS)('1.7/1.8 pending: %s MUST 200 cancelled', async (op) => {
    const charge = await newCharge(ref, PENDING);
    const answer = await voidCharge(ref, op, charge.charge_id);
    expectCancelled(answer, charge.charge_id);
  });
});

describe('1.8 declined', () => {
  it('1.6/1.8 declined: refund MUST 400', async () => {
    const charge = await newCharge(ref, DECLINED);
    expect(charge.status).toBe('declined');
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('500')), 400, '4000');
  });

  it.each(VOIDS)('1.7/1.8 declined: %s MUST 400', async (op) => {
    const charge = await newCharge(ref, DECLINED);
    expectRefused(await voidCharge(ref, op, charge.charge_id), 400, '4000');
  });
});

describe('1.8 cancelled', () => {
  it.each(VOIDS)('1.7/1.8 cancelled (by %s): refund MUST 400', async (op) => {
    const charge = await newCharge(ref);
    expectCancelled(await voidCharge(ref, op, charge.charge_id), charge.charge_id);
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('500')), 400, '4000');
  });

  it('1.7 after a cancel of a pending charge a refund MUST be refused', async () => {
    const charge = await newCharge(ref, PENDING);
    expectCancelled(await ref.client.cancel(charge.charge_id), charge.charge_id);
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('500')), 400, '4000');
  });

  it.each(VOIDS)('1.7/1.8 cancelled: second %s MAY 400 (reference default)', async (op) => {
    const charge = await newCharge(ref);
    expectCancelled(await ref.client.cancel(charge.charge_id), charge.charge_id);
    expectRefused(await voidCharge(ref, op, charge.charge_id), 400, '4000');
  });

  it.each(VOIDS)('1.7/1.8 cancelled: second %s MAY 200 cancelled (repeatCancel repeat) and changes nothing else', async (op) => {
    const repeating = await start({ may: { repeatCancel: 'repeat' } });
    const charge = await newCharge(repeating);
    expectCancelled(await repeating.client.cancel(charge.charge_id), charge.charge_id);
    expectCancelled(await voidCharge(repeating, op, charge.charge_id), charge.charge_id);
    expectRefused(await repeating.client.refund(charge.charge_id, sampleRefund('500')), 400, '4000');
  });

  it('1.7 repeatCancel repeat: a declined charge is still refused (repeat is only for cancelled charges)', async () => {
    const repeating = await start({ may: { repeatCancel: 'repeat' } });
    const charge = await newCharge(repeating, DECLINED);
    expectRefused(await repeating.client.cancel(charge.charge_id), 400, '4000');
  });
});

describe('1.8 unknown id', () => {
  const unknownId = 'ch_doesnotexist000000000000';

  it('1.4/1.8 unknown id: refund MUST 400 or 404 (reference default 404, any 4-digit code)', async () => {
    expectRefused(await ref.client.refund(unknownId, sampleRefund('500')), 404, /^[0-9]{4}$/);
  });

  it.each(VOIDS)('1.4/1.8 unknown id: %s MUST 400 or 404 (reference default 404, any 4-digit code)', async (op) => {
    expectRefused(await voidCharge(ref, op, unknownId), 404, /^[0-9]{4}$/);
  });

  it('1.4/1.8 unknown id: refund 400 "4000" with unknownChargeStatus 400', async () => {
    const four = await start({ may: { unknownChargeStatus: 400 } });
    expectRefused(await four.client.refund(unknownId, sampleRefund('500')), 400, '4000');
  });

  it.each(VOIDS)('1.4/1.8 unknown id: %s 400 "4000" with unknownChargeStatus 400', async (op) => {
    const four = await start({ may: { unknownChargeStatus: 400 } });
    expectRefused(await voidCharge(four, op, unknownId), 400, '4000');
  });

  it('1.8 a charge of another target is unknown here', async () => {
    const other = await start();
    const charge = await newCharge(other);
    expectRefused(await ref.client.cancel(charge.charge_id), 404, /^[0-9]{4}$/);
  });
});

describe('1.6 refund rules', () => {
  it('1.6 refund currency differing from the charge MUST 400', async () => {
    const charge = await newCharge(ref, APPROVED, '1500', 'EUR');
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('500', 'USD')), 400, '4000');
    // nothing was refunded: the whole amount is still there
    expectOk(await ref.client.refund(charge.charge_id, sampleRefund('1500', 'EUR')));
  });

  it('1.6 refund of zero SHOULD be refused (400)', async () => {
    const charge = await newCharge(ref);
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('0')), 400, '4000');
  });

  it('1.6 refund amount follows 1.5: "15.00" MUST 400', async () => {
    const charge = await newCharge(ref);
    expectRefused(await ref.client.refund(charge.charge_id, sampleRefund('15.00')), 400, '4000');
  });

  it('1.6 refund without amount MUST 400', async () => {
    const charge = await newCharge(ref);
    expectRefused(await ref.client.refund(charge.charge_id, { reason: 'customer_request' }), 400, '4000');
  });

  it('1.6 refund answer: refund_id non-empty and unique per refund, status valid, amount echoed', async () => {
    // Arrange
    const charge = await newCharge(ref, APPROVED, '1500');
    // Act
    const answers: Answer[] = [];
    for (const value of ['100', '200', '300']) answers.push(await ref.client.refund(charge.charge_id, sampleRefund(value)));
    // Assert
    const plains = answers.map((a) => {
      expectOk(a);
      return a.plaintext as RefundPlain;
    });
    expect(plains.map((p) => p.amount)).toEqual([
      { value: '100', currency: 'EUR' },
      { value: '200', currency: 'EUR' },
      { value: '300', currency: 'EUR' },
    ]);
    for (const p of plains) {
      expect(typeof p.refund_id).toBe('string');
      expect(p.refund_id.length).toBeGreaterThan(0);
      expect(['approved', 'declined', 'pending']).toContain(p.status);
    }
    expect(new Set(plains.map((p) => p.refund_id)).size).toBe(3);
    expect(plains.map((p) => p.refund_id)).not.toContain(charge.charge_id);
  });
});
