import { buildRequestUri } from '../protocol/request';
import { parseCallbackUri } from '../protocol/callback';
import { startTerminalSimulator, type RunningTerminalSimulator } from './server';
import { OTHER_TERMINAL_TID, VIVA_TRANSACTION_STATE } from './state-hook';

const BASE = { merchantKey: 'K', appId: 'a', action: 'cancel', callback: 'cb' };

describe('the simulator state hook', () => {
  let sim: RunningTerminalSimulator;
  beforeAll(async () => {
    sim = await startTerminalSimulator();
  });
  afterAll(() => sim.close());

  const setup = async (params: unknown, state = VIVA_TRANSACTION_STATE) => {
    const res = await fetch(sim.stateUrl, { method: 'POST', body: JSON.stringify({ action: 'setup', state, params }) });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  const cancel = async (fields: Record<string, string>) => {
    const res = await fetch(`${sim.url}/interapp`, { method: 'POST', body: JSON.stringify({ uri: buildRequestUri({ ...BASE, ...fields }) }) });
    const parsed = parseCallbackUri(((await res.json()) as { callback: string }).callback);
    return parsed.ok ? parsed.callback.fields : {};
  };

  it('answers the empty state a Pact verifier posts for an interaction without one 200 {}, and refuses an unknown state', async () => {
    // Act
    const empty = await setup({}, '');
    const unknown = await setup({}, 'no such state');
    // Assert
    expect(empty).toEqual({ status: 200, body: {} });
    expect(unknown.status).toBe(400);
  });

  it('makes a payment and answers its generated codes, which a cancel then finds', async () => {
    // Arrange
    const { status, body } = await setup({ amount: 700 });
    // Act
    const cb = await cancel({ shortOrderCode: body.shortOrderCode! });
    // Assert
    expect(status).toBe(200);
    expect(body).toMatchObject({ orderCode: expect.stringMatching(/^\d{16}$/), shortOrderCode: expect.stringMatching(/^\d{10}$/), stan: expect.stringMatching(/^\d{6}$/), tid: '16016684' });
    expect(cb).toMatchObject({ status: 'success', amount: '700', orderCode: body.orderCode });
  });

  it("makes another terminal's payment and payments of past days (refunded, not voided)", async () => {
    const other = await setup({ amount: 100, terminal: 'other' });
    expect(other.body.tid).toBe(OTHER_TERMINAL_TID);
    expect((await cancel({ shortOrderCode: other.body.shortOrderCode! })).status).toBe('fail');
    const old = await setup({ amount: 100, daysAgo: 2 });
    expect(await cancel({ orderCode: old.body.orderCode! })).toMatchObject({ status: 'success', message: 'Transaction refunded' });
  });

  it('gives every payment its own codes', async () => {
    const a = await setup({ amount: 1 });
    const b = await setup({ amount: 1 });
    expect([a.body.orderCode !== b.body.orderCode, a.body.shortOrderCode !== b.body.shortOrderCode, a.body.stan !== b.body.stan]).toEqual([true, true, true]);
  });

  it('refuses an unknown state and bad params with 400', async () => {
    expect((await setup({ amount: 1 }, 'charge is settled')).status).toBe(400);
    expect((await setup({ amount: 1.5 })).body.error).toMatch(/amount/);
    expect((await setup({ amount: 1, terminal: 'mine' })).body.error).toMatch(/terminal/);
  });
});
