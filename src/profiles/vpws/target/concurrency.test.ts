/**
 * PROFILE section 2 under concurrency: two concurrent cancels of one transaction never both
 * cancel it. Also run without the lock, to show the race in the test is real: without the rule,
 * the same requests do cancel twice.
 */
import { cancelAs, dataOf, givenTransaction, TargetPool } from './testing';

const pool = new TargetPool();

afterAll(() => pool.closeAll());

/** For the run that shows the race: a slow bank, so the requests surely overlap on a loaded machine. */
const SLOW_GATEWAY_MS = 100;

describe('2 concurrent cancels of one transaction', () => {
  it('exactly one of two succeeds; the other is ALREADY_CANCELLED; the bank cancels once', async () => {
    // Arrange
    const target = await pool.start();
    const referenceCode = await givenTransaction(target);
    // Act
    const answers = await Promise.all([cancelAs(target, referenceCode), cancelAs(target, referenceCode)]);
    // Assert
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => dataOf(a).isSuccess).sort()).toEqual([false, true]);
    expect(answers.map((a) => dataOf(a).errorCode)).toContain('ALREADY_CANCELLED');
    expect(target.store.transactions.get(referenceCode)?.cancellations).toBe(1);
  });

  it("with may.repeatCancel 'succeed' both answer success, but the bank still cancels once", async () => {
    const target = await pool.start({ may: { repeatCancel: 'succeed' } });
    const referenceCode = await givenTransaction(target);
    const answers = await Promise.all(Array.from({ length: 5 }, () => cancelAs(target, referenceCode)));
    expect(answers.map((a) => dataOf(a).isSuccess)).toEqual(Array(5).fill(true));
    expect(target.store.transactions.get(referenceCode)?.cancellations).toBe(1);
  });

  it('different transactions do not wait for each other', async () => {
    const target = await pool.start({ gatewayLatencyMs: SLOW_GATEWAY_MS });
    const references = await Promise.all(Array.from({ length: 5 }, () => givenTransaction(target)));
    const started = Date.now();
    const answers = await Promise.all(references.map((r) => cancelAs(target, r)));
    expect(answers.map((a) => dataOf(a).isSuccess)).toEqual(Array(5).fill(true));
    // Five serialised round trips would take 500 ms; in parallel they take about one.
    expect(Date.now() - started).toBeLessThan(4 * SLOW_GATEWAY_MS);
  });

  it('the race is real: without the lock both requests cancel the transaction', async () => {
    const target = await pool.start({ gatewayLatencyMs: SLOW_GATEWAY_MS, rules: { withLock: (_ref, work) => work() } });
    const referenceCode = await givenTransaction(target);
    const answers = await Promise.all([cancelAs(target, referenceCode), cancelAs(target, referenceCode)]);
    expect(answers.map((a) => dataOf(a).isSuccess)).toEqual([true, true]);
    expect(target.store.transactions.get(referenceCode)?.cancellations).toBe(2);
  });
});
