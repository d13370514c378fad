/**
 * PROFILE 1.5 (create charge) against the reference target, driven through the signed client:
 * test cards, the amount echo, required fields and their types, the amount rules (MUST and the
 * SHOULDs the reference enforces), expiry, Luhn, terminal.id, and Idempotency-Key.
 */
import { sampleCharge } from '../../../client/fixtures';
import { expectOk, expectRefused } from '../../../testing/expect-answer';
import { TargetFleet } from '../testing/fleet';
import type { Reference } from '../testing/reference';
import type { TargetOptionsInput } from './options';

const APPROVED = '4111111111111111';
const DECLINED = '4000000000000002';
const PENDING = '4000000000000051';

interface ChargePlain {
  charge_id: string;
  status: string;
  amount: { value: string; currency: string };
  gateway_data: unknown;
}

const fleet = new TargetFleet();
const start = (options: TargetOptionsInput = {}) => fleet.start(options);

/** A sample charge with one change made by `edit`. */
function edited(edit: (body: Record<string, any>) => void): Record<string, unknown> {
  const body = sampleCharge() as Record<string, any>;
  edit(body);
  return body;
}

let ref: Reference;
let keyCounter = 0;
const freshKey = () => `idem-${process.pid}-${Date.now()}-${++keyCounter}`;

beforeAll(async () => {
  ref = await start();
});

afterAll(() => fleet.closeAll());

describe('1.5 test cards and the answer', () => {
  it.each([
    ['approved', APPROVED],
    ['declined', DECLINED],
    ['pending', PENDING],
  ])('1.5 the %s card MUST come back %s, answered 200', async (status, pan) => {
    // Arrange
    const body = sampleCharge({ pan });
    // Act
    const answer = await ref.client.charge(body);
    // Assert
    const plain = expectOk<ChargePlain>(answer);
    expect(plain.status).toBe(status);
    expect(typeof plain.charge_id).toBe('string');
    expect(plain.charge_id.length).toBeGreaterThan(0);
    expect(plain.gateway_data).toEqual(expect.any(Object));
    expect(Array.isArray(plain.gateway_data)).toBe(false);
  });

  it.each([
    ['1', 'EUR'],
    ['1500', 'USD'],
    ['999999999999', 'JPY'],
    ['4200', 'GBP'],
  ])('1.5 amount MUST be echoed exactly: %s %s', async (value, currency) => {
    const plain = expectOk<ChargePlain>(await ref.client.charge(sampleCharge({ value, currency })));
    expect(plain.amount).toEqual({ value, currency });
  });

  it('1.5 every charge gets its own charge_id', async () => {
    const a = expectOk<ChargePlain>(await ref.client.charge(sampleCharge()));
    const b = expectOk<ChargePlain>(await ref.client.charge(sampleCharge()));
    expect(a.charge_id).not.toBe(b.charge_id);
  });
});

describe('1.5 required fields and types: MUST 400 "4000"', () => {
  const cases: Array<[string, (b: Record<string, any>) => void]> = [
    ['card removed', (b) => delete b.card],
    ['amount removed', (b) => delete b.amount],
    ['terminal removed', (b) => delete b.terminal],
    ['card.number removed', (b) => delete b.card.number],
    ['card.expiry_year removed', (b) => delete b.card.expiry_year],
    ['amount.currency removed', (b) => delete b.amount.currency],
    ['amount.value removed', (b) => delete b.amount.value],
    ['terminal.id removed', (b) => delete b.terminal.id],
    ['card.number as a number', (b) => (b.card.number = 4111111111111111)],
    ['card.expiry_month 13', (b) => (b.card.expiry_month = 13)],
    ['card.expiry_month 0', (b) => (b.card.expiry_month = 0)],
    ['card.expiry_month "12" (a string)', (b) => (b.card.expiry_month = '12')],
    ['card.expiry_year 2 digits', (b) => (b.card.expiry_year = 29)],
    ['terminal.terminal_entry_mode "nfc"', (b) => (b.terminal.terminal_entry_mode = 'nfc')],
    ['terminal.attended "yes"', (b) => (b.terminal.attended = 'yes')],
    ['terminal.capabilities a string', (b) => (b.terminal.capabilities = 'chip')],
    ['amount.value a number', (b) => (b.amount.value = 1500)],
  ];
  it.each(cases)('1.5 %s MUST 400 "4000"', async (_name, edit) => {
    const answer = await ref.client.charge(edited(edit));
    expectRefused(answer, 400, '4000');
  });

  it('1.5 a plaintext that is a JSON array MUST 400 "4000"', async () => {
    expectRefused(await ref.client.charge([sampleCharge()]), 400, '4000');
  });
});

describe('1.5 amount.value MUST match ^[0-9]+$', () => {
  it.each(['15.00', '-1', '1e3', '', ' 1500', '+1500'])('1.5 amount.value %j MUST 400 "4000"', async (value) => {
    expectRefused(await ref.client.charge(sampleCharge({ value })), 400, '4000');
  });
});

describe('1.5 amount SHOULD rules the reference enforces', () => {
  it.each(['0', '0100', '1234567890123'])('1.5 amount.value %j SHOULD be refused (400 "4000")', async (value) => {
    expectRefused(await ref.client.charge(sampleCharge({ value })), 400, '4000');
  });

  it('1.5 amount.value of 12 digits is accepted (the SHOULD limit)', async () => {
    const plain = expectOk<ChargePlain>(await ref.client.charge(sampleCharge({ value: '100000000000' })));
    expect(plain.amount.value).toBe('100000000000');
  });

  it('1.5 amount.currency "eur" MUST 400 (three upper-case letters)', async () => {
    expectRefused(await ref.client.charge(sampleCharge({ currency: 'eur' })), 400, '4000');
  });

  it.each(['EURO', 'EU', 'E1R'])('1.5 amount.currency %j MUST 400', async (currency) => {
    expectRefused(await ref.client.charge(sampleCharge({ currency })), 400, '4000');
  });

  it('1.5 amount.currency "ABC" (not ISO 4217) SHOULD be refused (400)', async () => {
    expectRefused(await ref.client.charge(sampleCharge({ currency: 'ABC' })), 400, '4000');
  });
});

describe('1.5 card checks', () => {
  it('1.5 an expired card SHOULD NOT be approved (reference: declined)', async () => {
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const body = sampleCharge({ expiry: { year: lastMonth.getUTCFullYear(), month: lastMonth.getUTCMonth() + 1 } });
    const plain = expectOk<ChargePlain>(await ref.client.charge(body));
    expect(plain.status).toBe('declined');
  });

  it('1.5 a card expiring this month is still approved', async () => {
    const now = new Date();
    const body = sampleCharge({ expiry: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 } });
    expect(expectOk<ChargePlain>(await ref.client.charge(body)).status).toBe('approved');
  });

  it('1.5 a Luhn-invalid PAN SHOULD NOT be approved (reference: declined)', async () => {
    const plain = expectOk<ChargePlain>(await ref.client.charge(sampleCharge({ pan: '4111111111111112' })));
    expect(plain.status).not.toBe('approved');
    expect(plain.status).toBe('declined');
  });

  it('1.5 terminal.id differing from X-Terminal-Id SHOULD be rejected (400 "4000")', async () => {
    expectRefused(await ref.client.charge(sampleCharge({ terminalId: 'TERM-002' })), 400, '4000');
  });
});

describe('1.5 Idempotency-Key', () => {
  it('1.5 a repeat with the same key MUST return the original charge and echo the header', async () => {
    // Arrange
    const key = freshKey();
    const body = sampleCharge();
    // Act
    const first = await ref.client.charge(body, { idempotencyKey: key });
    const again = await ref.client.charge(body, { idempotencyKey: key });
    // Assert
    const a = expectOk<ChargePlain>(first);
    const b = expectOk<ChargePlain>(again);
    expect(b.charge_id).toBe(a.charge_id);
    expect(b.status).toBe(a.status);
    expect(b.amount).toEqual(a.amount);
    expect(first.headers['idempotency-key']).toBe(key);
    expect(again.headers['idempotency-key']).toBe(key);
  });

  it('1.5 a repeat of a declined charge returns the same declined charge', async () => {
    const key = freshKey();
    const body = sampleCharge({ pan: DECLINED });
    const a = expectOk<ChargePlain>(await ref.client.charge(body, { idempotencyKey: key }));
    const b = expectOk<ChargePlain>(await ref.client.charge(body, { idempotencyKey: key }));
    expect(b).toEqual(a);
    expect(a.status).toBe('declined');
  });

  it('1.5 the Idempotency-Key header MUST be echoed on a 400 answer too', async () => {
    const key = freshKey();
    const answer = await ref.client.charge(sampleCharge({ value: '15.00' }), { idempotencyKey: key });
    expectRefused(answer, 400, '4000');
    expect(answer.headers['idempotency-key']).toBe(key);
  });

  it('1.5 the Idempotency-Key header MUST be echoed on a 401 answer too', async () => {
    const key = freshKey();
    const answer = await ref.client.charge(sampleCharge(), { idempotencyKey: key, breaks: { signature: { secret: 'x' } } });
    expectRefused(answer, 401, '4001');
    expect(answer.headers['idempotency-key']).toBe(key);
  });

  it('1.5 a refused request does not take the key: the same key with a good body makes a charge', async () => {
    const key = freshKey();
    expectRefused(await ref.client.charge(sampleCharge({ value: '15.00' }), { idempotencyKey: key }), 400, '4000');
    const plain = expectOk<ChargePlain>(await ref.client.charge(sampleCharge({ value: '700' }), { idempotencyKey: key }));
    expect(plain.amount.value).toBe('700');
  });

  it('1.5 a charge without the header has no Idempotency-Key response header', async () => {
    const answer = await ref.client.charge(sampleCharge());
    expectOk<ChargePlain>(answer);
    expect(answer.headers['idempotency-key']).toBeUndefined();
  });

  it('1.5 a different key makes a new charge', async () => {
    const body = sampleCharge();
    const a = expectOk<ChargePlain>(await ref.client.charge(body, { idempotencyKey: freshKey() }));
    const b = expectOk<ChargePlain>(await ref.client.charge(body, { idempotencyKey: freshKey() }));
    expect(b.charge_id).not.toBe(a.charge_id);
  });

  it('1.5 concurrent repeats with the same key MUST all return the one original charge', async () => {
    const key = freshKey();
    const body = sampleCharge();
    const answers = await Promise.all(Array.from({ length: 8 }, () => ref.client.charge(body, { idempotencyKey: key })));
    const ids = answers.map((a) => expectOk<ChargePlain>(a).charge_id);
    expect(new Set(ids).size).toBe(1);
    for (const a of answers) expect(a.headers['idempotency-key']).toBe(key);
  });

  it('1.5 same key, different body: MAY return the original charge (reference default), MUST NOT create one', async () => {
    // Arrange
    const key = freshKey();
    const original = sampleCharge({ value: '1500' });
    const other = sampleCharge({ value: '2500' });
    // Act
    const first = expectOk<ChargePlain>(await ref.client.charge(original, { idempotencyKey: key }));
    const conflictAnswer = await ref.client.charge(other, { idempotencyKey: key });
    const third = expectOk<ChargePlain>(await ref.client.charge(original, { idempotencyKey: key }));
    const fourth = expectOk<ChargePlain>(await ref.client.charge(other, { idempotencyKey: key }));
    // Assert
    const conflict = expectOk<ChargePlain>(conflictAnswer);
    expect(conflict).toEqual(first);
    expect(conflict.amount).toEqual({ value: '1500', currency: 'EUR' });
    expect(conflictAnswer.headers['idempotency-key']).toBe(key);
    expect(third.charge_id).toBe(first.charge_id);
    expect(fourth.charge_id).toBe(first.charge_id);
  });

  it('1.5 same key, different body: MAY 4xx (idempotencyConflict reject: 409), MUST NOT create a charge', async () => {
    // Arrange
    const rejecting = await start({ may: { idempotencyConflict: 'reject' } });
    const key = freshKey();
    const original = sampleCharge({ value: '1500' });
    const other = sampleCharge({ value: '2500' });
    // Act
    const first = expectOk<ChargePlain>(await rejecting.client.charge(original, { idempotencyKey: key }));
    const conflict = await rejecting.client.charge(other, { idempotencyKey: key });
    const third = await rejecting.client.charge(original, { idempotencyKey: key });
    const fourth = await rejecting.client.charge(other, { idempotencyKey: key });
    // Assert
    expect(conflict.status).toBe(409);
    expect(conflict.problems).toEqual([]);
    expect(conflict.error?.code).toMatch(/^[0-9]{4}$/);
    expect(conflict.headers['idempotency-key']).toBe(key);
    expect(expectOk<ChargePlain>(third).charge_id).toBe(first.charge_id);
    expect(fourth.status).toBe(409);
  });

  it('1.5 idempotencyConflict reject: the same body with the same key still returns the original', async () => {
    const rejecting = await start({ may: { idempotencyConflict: 'reject' } });
    const key = freshKey();
    const body = sampleCharge();
    const a = expectOk<ChargePlain>(await rejecting.client.charge(body, { idempotencyKey: key }));
    const b = expectOk<ChargePlain>(await rejecting.client.charge(body, { idempotencyKey: key }));
    expect(b.charge_id).toBe(a.charge_id);
  });
});
