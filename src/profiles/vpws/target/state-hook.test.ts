/** PROFILE section 4: the `vpws transaction exists` state of the VPWS target's state hook. */
import { VPWS_STATE_HOOK_PATH } from './options';
import type { RunningVpwsTarget } from './server';
import { VPWS_TRANSACTION_STATE } from './state-hook';
import { cancelAs, dataOf, givenTransaction, newReference, postState, TargetPool } from './testing';

const pool = new TargetPool();
let target: RunningVpwsTarget;

beforeAll(async () => {
  target = await pool.start();
});

afterAll(() => pool.closeAll());

const setup = (params: Record<string, unknown>) => ({ action: 'setup', state: VPWS_TRANSACTION_STATE, params });

describe('4 state hook: vpws transaction exists', () => {
  it('is served at /_conformance/state, announced as stateUrl', () => {
    expect(target.stateUrl).toBe(target.url + VPWS_STATE_HOOK_PATH);
  });

  it('setup creates the transaction and answers 200 {}', async () => {
    // Arrange
    const referenceCode = newReference();
    // Act
    const answer = await postState(target, setup({ referenceCode, dealer: 'dealer_b', transactionStatusId: 1, amount: 12.34, provisionExpired: false }));
    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
    expect(target.store.transactions.get(referenceCode)).toEqual({
      referenceCode,
      dealer: 'dealer_b',
      transactionStatusId: 1,
      amount: 12.34,
      provisionExpired: false,
      cancelled: false,
      cancellations: 0,
    });
  });

  it('setup of an existing referenceCode replaces it (a cancelled one becomes cancellable again)', async () => {
    const referenceCode = await givenTransaction(target);
    await cancelAs(target, referenceCode);
    await givenTransaction(target, { referenceCode });
    const answer = await cancelAs(target, referenceCode);
    expect(dataOf(answer).isSuccess).toBe(true);
  });

  it('setup without action (as some Pact versions send it) is a setup', async () => {
    const referenceCode = newReference();
    const answer = await postState(target, { state: VPWS_TRANSACTION_STATE, params: { referenceCode, dealer: 'dealer_a', transactionStatusId: 2, amount: 1 } });
    expect(answer.status).toBe(200);
    expect(target.store.transactions.has(referenceCode)).toBe(true);
  });

  it('teardown answers 200 {}', async () => {
    const answer = await postState(target, { action: 'teardown', state: VPWS_TRANSACTION_STATE, params: {} });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
  });

  it.each([
    ['an unknown state', { action: 'setup', state: 'charge is settled', params: { charge_id: 'x' } }],
    ['an unknown action', { action: 'reset', state: VPWS_TRANSACTION_STATE, params: {} }],
    ['no params', { action: 'setup', state: VPWS_TRANSACTION_STATE }],
    ['an empty referenceCode', setup({ referenceCode: '', dealer: 'dealer_a', transactionStatusId: 1, amount: 1 })],
    ['an unknown dealer', setup({ referenceCode: 'R1', dealer: 'dealer_c', transactionStatusId: 1, amount: 1 })],
    ['a fractional transactionStatusId', setup({ referenceCode: 'R1', dealer: 'dealer_a', transactionStatusId: 1.5, amount: 1 })],
    ['a string amount', setup({ referenceCode: 'R1', dealer: 'dealer_a', transactionStatusId: 1, amount: '1.00' })],
    ['a string provisionExpired', setup({ referenceCode: 'R1', dealer: 'dealer_a', transactionStatusId: 1, amount: 1, provisionExpired: 'yes' })],
    ['a JSON array', []],
  ])('%s: 400 with a small JSON error', async (_label, body) => {
    const answer = await postState(target, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.any(String) });
    expect(target.store.transactions.has('R1')).toBe(false);
  });

  it('a body that is not JSON: 400', async () => {
    const answer = await postState(target, '{nope', true);
    expect(answer.status).toBe(400);
  });

  it('GET on the state hook: 405', async () => {
    const response = await fetch(target.url + VPWS_STATE_HOOK_PATH);
    expect(response.status).toBe(405);
  });

  it('with stateHook false there is no stateUrl and the path is 404', async () => {
    const other = await pool.start({ stateHook: false });
    expect(other.stateUrl).toBeUndefined();
    const response = await fetch(other.url + VPWS_STATE_HOOK_PATH, { method: 'POST', body: JSON.stringify(setup({})) });
    expect(response.status).toBe(404);
  });
});
