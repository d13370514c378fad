/**
 * PROFILE section 2, the cancel itself: success, the refusals (status not 1, expired provision,
 * unknown referenceCode), the repeat cancel both ways PROFILE allows, and the answer shape of
 * every one of them.
 */
import type { RunningVpwsTarget } from './server';
import { vpwsShapeProblems } from './shape';
import { call, cancelAs, dataOf, givenTransaction, newReference, TargetPool, type HttpAnswer, type LooseBody } from './testing';

const pool = new TargetPool();
let target: RunningVpwsTarget;

beforeAll(async () => {
  target = await pool.start();
});

afterAll(() => pool.closeAll());

/** Every answer of the API has the section 2 shape, statusCode repeating the HTTP status. */
function expectShape(answer: HttpAnswer): void {
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(vpwsShapeProblems(answer.body, answer.status)).toEqual([]);
}

function expectRefused(answer: HttpAnswer, status: number, errorCode: string): void {
  expectShape(answer);
  expect(answer.status).toBe(status);
  expect(dataOf(answer)).toMatchObject({ isSuccess: false, errorCode });
  expect(typeof dataOf(answer).errorMessage).toBe('string');
}

describe('2 cancel of a successful transaction of the calling dealer', () => {
  it('answers 200, statusCode 200, isSuccess true, lastAmount 0, as the seed example', async () => {
    // Arrange
    const referenceCode = await givenTransaction(target, { amount: 99.9 });
    // Act
    const answer = await cancelAs(target, referenceCode);
    // Assert
    expectShape(answer);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      message: '',
      statusCode: 200,
      exceptions: null,
      data: { lastAmount: 0, transactionStatusId: 1, errorCode: null, isSuccess: true, errorMessage: null },
      oldData: null,
      errors: null,
    });
    expect(target.store.transactions.get(referenceCode)).toMatchObject({ cancelled: true, cancellations: 1 });
  });

  it('accepts a body without reason', async () => {
    const referenceCode = await givenTransaction(target);
    const answer = await call(target, { body: { referenceCode } });
    expectShape(answer);
    expect(dataOf(answer).isSuccess).toBe(true);
  });

  it("dealer_b cancels dealer_b's own transaction", async () => {
    const referenceCode = await givenTransaction(target, { dealer: 'dealer_b' });
    const answer = await cancelAs(target, referenceCode, 'dealer_b');
    expect(answer.status).toBe(200);
    expect(dataOf(answer).isSuccess).toBe(true);
  });
});

describe('2 refused cancels (isSuccess false, errorCode set, the transaction untouched)', () => {
  it('a transaction with transactionStatusId 2 is refused TX_NOT_SUCCESSFUL', async () => {
    // Arrange
    const referenceCode = await givenTransaction(target, { transactionStatusId: 2, amount: 40 });
    // Act
    const answer = await cancelAs(target, referenceCode);
    // Assert
    expectRefused(answer, 200, 'TX_NOT_SUCCESSFUL');
    expect(dataOf(answer)).toMatchObject({ transactionStatusId: 2, lastAmount: 40 });
    expect(target.store.transactions.get(referenceCode)?.cancelled).toBe(false);
  });

  it('a transaction whose bank provision expired is refused PROVISION_EXPIRED', async () => {
    const referenceCode = await givenTransaction(target, { provisionExpired: true });
    const answer = await cancelAs(target, referenceCode);
    expectRefused(answer, 200, 'PROVISION_EXPIRED');
    expect(target.store.transactions.get(referenceCode)?.cancelled).toBe(false);
  });

  it('an unknown referenceCode is refused NOT_FOUND', async () => {
    const answer = await cancelAs(target, newReference());
    expectRefused(answer, 200, 'NOT_FOUND');
    expect(dataOf(answer)).toMatchObject({ lastAmount: 0, transactionStatusId: 0 });
  });

  it.each([400, 422] as const)('with may.refusalStatus %i the refusal is that status, with the same body shape', async (refusalStatus) => {
    const other = await pool.start({ may: { refusalStatus } });
    const referenceCode = await givenTransaction(other, { transactionStatusId: 3 });
    const answer = await cancelAs(other, referenceCode);
    expectRefused(answer, refusalStatus, 'TX_NOT_SUCCESSFUL');
    expect((answer.body as LooseBody).statusCode).toBe(refusalStatus);
  });
});

describe('2 a second cancel of the same referenceCode (MAY)', () => {
  it("may.repeatCancel 'refuse' (default): isSuccess false, ALREADY_CANCELLED, never 5xx", async () => {
    // Arrange
    const referenceCode = await givenTransaction(target);
    await cancelAs(target, referenceCode);
    // Act
    const again = await cancelAs(target, referenceCode);
    // Assert
    expectRefused(again, 200, 'ALREADY_CANCELLED');
    expect(dataOf(again).lastAmount).toBe(0);
    expect(target.store.transactions.get(referenceCode)?.cancellations).toBe(1);
  });

  it("may.repeatCancel 'succeed': success again, as the first, without a second bank cancel", async () => {
    const other = await pool.start({ may: { repeatCancel: 'succeed' } });
    const referenceCode = await givenTransaction(other);
    const first = await cancelAs(other, referenceCode);
    const again = await cancelAs(other, referenceCode);
    expectShape(again);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(other.store.transactions.get(referenceCode)?.cancellations).toBe(1);
  });
});

describe('2 liberties', () => {
  it('extra fields in the wrapper and in data keep the shape', async () => {
    const other = await pool.start({ liberties: { extraFields: true } });
    const answer = await cancelAs(other, await givenTransaction(other));
    expectShape(answer);
    expect(answer.body).toHaveProperty('traceId');
    expect(dataOf(answer)).toMatchObject({ isSuccess: true, lastAmount: 0, referenceCode: expect.any(String) });
  });

  it('pretty JSON is the same body', async () => {
    const other = await pool.start({ liberties: { prettyJson: true } });
    const answer = await cancelAs(other, await givenTransaction(other, { transactionStatusId: 2 }));
    expect(answer.text).toContain('\n  "message"');
    expectRefused(answer, 200, 'TX_NOT_SUCCESSFUL');
  });

  it('other message texts change only the words', async () => {
    const other = await pool.start({ liberties: { messageText: 'other' } });
    const answer = await cancelAs(other, await givenTransaction(other, { provisionExpired: true }));
    expectRefused(answer, 200, 'PROVISION_EXPIRED');
    expect(dataOf(answer).errorMessage).toBe('Banka provizyon süresi dolmuş');
  });
});
