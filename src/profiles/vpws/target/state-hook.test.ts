/** PROFILE section 4: the `vpws transaction exists` state of the VPWS target's state hook. */
import { VPWS_REFERENCE_TOKENS, VPWS_STATE_HOOK_PATH } from './options';
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

  it("setup creates the transaction and answers its referenceCode, dealer and the dealer's token", async () => {
    // Arrange
    const referenceCode = newReference();
    // Act
    const answer = await postState(target, setup({ referenceCode, dealer: 'dealer_b', transactionStatusId: 1, amount: 12.34, provisionExpired: false }));
    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ referenceCode, dealer: 'dealer_b', token: VPWS_REFERENCE_TOKENS.dealer_b });
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

  it('without params (a stock verifier given no referenceCode) makes a fresh referenceCode of a successful dealer_a transaction', async () => {
    // Act
    const first = await postState(target, { action: 'setup', state: VPWS_TRANSACTION_STATE });
    const second = await postState(target, { action: 'setup', state: VPWS_TRANSACTION_STATE, params: { amount: 5 } });
    // Assert
    expect(first.status).toBe(200);
    const made = first.body as { referenceCode: string; dealer: string; token: string };
    expect(made).toEqual({ referenceCode: expect.stringMatching(/^NTH2P[0-9A-F]{16}$/), dealer: 'dealer_a', token: VPWS_REFERENCE_TOKENS.dealer_a });
    expect((second.body as { referenceCode: string }).referenceCode).not.toBe(made.referenceCode);
    expect(target.store.transactions.get(made.referenceCode)).toMatchObject({ dealer: 'dealer_a', transactionStatusId: 1, amount: 100, provisionExpired: false, cancelled: false });
    const cancel = await cancelAs(target, made.referenceCode, 'dealer_a');
    expect(dataOf(cancel).isSuccess).toBe(true);
  });

  it("caller names whose token the answer carries: another dealer's token for dealer_b's transaction", async () => {
    // Act
    const answer = await postState(target, setup({ dealer: 'dealer_b', caller: 'dealer_a', transactionStatusId: 1, amount: 10 }));
    // Assert
    expect(answer.status).toBe(200);
    const made = answer.body as { referenceCode: string; dealer: string; token: string };
    expect(made).toMatchObject({ dealer: 'dealer_b', token: VPWS_REFERENCE_TOKENS.dealer_a });
    expect(target.store.transactions.get(made.referenceCode)?.dealer).toBe('dealer_b');
  });

  it.each([
    ['the Rust verifier: an empty state name, for an interaction without a state', { action: 'setup', state: '', params: {} }],
    ["the older verifiers' form with no state listed", { states: [] }],
  ])('%s: 200 {}, nothing made', async (_label, body) => {
    // Arrange
    const before = target.store.transactions.size;
    // Act
    const answer = await postState(target, body);
    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
    expect(target.store.transactions.size).toBe(before);
  });

  it("the older verifiers' form (`states: [name]`) is a setup of that state", async () => {
    const referenceCode = newReference();
    const answer = await postState(target, { consumer: 'vpws-dealer', states: [VPWS_TRANSACTION_STATE], params: { referenceCode } });
    expect(answer.status).toBe(200);
    expect(target.store.transactions.has(referenceCode)).toBe(true);
  });

  it.each([VPWS_TRANSACTION_STATE, 'a state it does not know', ''])('teardown of "%s" answers 200 {}', async (state) => {
    const answer = await postState(target, { action: 'teardown', state, params: {} });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
  });

  it.each([
    ['an unknown state', { action: 'setup', state: 'charge is settled', params: { charge_id: 'x' } }],
    ['an unknown action', { action: 'reset', state: VPWS_TRANSACTION_STATE, params: {} }],
    ['no state at all', { action: 'setup', params: {} }],
    ['two states in one request', { states: [VPWS_TRANSACTION_STATE, VPWS_TRANSACTION_STATE] }],
    ['an unknown caller', setup({ referenceCode: 'R1', dealer: 'dealer_a', caller: 'dealer_c' })],
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
