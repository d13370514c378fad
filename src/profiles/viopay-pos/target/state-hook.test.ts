import { parseStateRequest } from '../../../target-kit/state-request';
import { startReference, type Reference } from '../testing/reference';

const read = (value: unknown) => parseStateRequest(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

describe('parseStateRequest', () => {
  it('reads a setup with its state and params, with or without action', () => {
    expect(read({ action: 'setup', state: 's', params: { a: 1 } })).toEqual({ kind: 'setup', state: 's', params: { a: 1 } });
    expect(read({ state: 's' })).toEqual({ kind: 'setup', state: 's', params: undefined });
  });

  it("reads the older verifiers' form: the state in a one-element `states` list, none listed being the empty state", () => {
    expect(read({ consumer: 'c', states: ['s'], params: { a: 1 } })).toEqual({ kind: 'setup', state: 's', params: { a: 1 } });
    expect(read({ states: [] })).toEqual({ kind: 'setup', state: '', params: undefined });
  });

  it('reads the empty state name the Rust verifier sends for an interaction without a state', () => {
    expect(read({ action: 'setup', state: '', params: {} })).toEqual({ kind: 'setup', state: '', params: {} });
  });

  it('reads a teardown whatever else it carries', () => {
    expect(read({ action: 'teardown', state: 'anything' })).toEqual({ kind: 'teardown' });
  });

  it('takes params that are not an object as none', () => {
    expect(read({ state: 's', params: [1] })).toEqual({ kind: 'setup', state: 's', params: undefined });
  });

  it.each([
    ['not JSON', '{', 'state request is not JSON'],
    ['an array', [], 'state request is not an object'],
    ['null', 'null', 'state request is not an object'],
    ['another action', { action: 'reset' }, 'action must be setup or teardown'],
    ['two states at once', { states: ['a', 'b'] }, 'one state per request'],
  ])('says why it cannot read %s', (_, value, message) => {
    expect(read(value)).toEqual({ kind: 'invalid', message });
  });
});

describe("the POS target's state hook under Pact's state-change protocol", () => {
  let ref: Reference;
  beforeAll(async () => {
    ref = await startReference();
  });
  afterAll(() => ref.close());

  const post = async (body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(ref.target.stateUrl!, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it.each([
    ['the empty state (the Rust verifier, an interaction without a state)', { action: 'setup', state: '', params: {} }],
    ['a teardown of a state the hook does not know', { action: 'teardown', state: 'a settled charge', params: { value: '1500' } }],
  ])('%s: 200 {}, no charge made', async (_label, body) => {
    // Arrange
    const before = ref.target.store.charges.size;
    // Act
    const answer = await post(body);
    // Assert
    expect(answer).toEqual({ status: 200, json: {} });
    expect(ref.target.store.charges.size).toBe(before);
  });

  it('"an approved charge" (the contract\'s state) makes an approved charge of the params\' amount and answers its charge_id', async () => {
    // Act
    const answer = await post({ action: 'setup', state: 'an approved charge', params: { value: '2500', currency: 'USD' } });
    // Assert
    expect(answer.status).toBe(200);
    const id = String(answer.json.charge_id);
    expect(ref.target.store.charges.get(id)).toMatchObject({ state: 'approved', settled: false, amount: { value: '2500', currency: 'USD' } });
    expect((await ref.client.cancel(id)).status).toBe(200);
  });

  it.each([
    ['"a settled charge" (the contract\'s state)', { action: 'setup', state: 'a settled charge', params: { value: '1500', currency: 'EUR' } }],
    ['"charge is settled" without a charge_id', { action: 'setup', state: 'charge is settled', params: {} }],
    ["the older verifiers' form", { states: ['charge is settled'] }],
  ])('%s makes an approved, settled charge and answers its charge_id', async (_label, body) => {
    // Act
    const answer = await post(body);
    // Assert
    expect(answer.status).toBe(200);
    const id = String(answer.json.charge_id);
    expect(ref.target.store.charges.get(id)).toMatchObject({ state: 'approved', settled: true });
    expect((await ref.client.cancel(id)).status).toBe(400);
  });

  it.each([
    ['an amount that is not minor units', { value: '15.00' }],
    ['a currency that is not three letters', { currency: 'euro' }],
  ])('%s: 400, no charge made', async (_label, params) => {
    const before = ref.target.store.charges.size;
    const answer = await post({ action: 'setup', state: 'an approved charge', params });
    expect(answer.status).toBe(400);
    expect(ref.target.store.charges.size).toBe(before);
  });
});
