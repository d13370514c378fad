import { parseCallbackUri, CALLBACK_FORMATS } from '../protocol/callback';
import { parseIsoWithOffset } from '../protocol/dates';
import { buildRequestUri, type RequestField } from '../protocol/request';
import { startTerminalSimulator, type RunningTerminalSimulator } from './server';

const BASE = { merchantKey: 'K', appId: 'com.example.app', action: 'cancel', callback: 'interapp-callback', protocol: 'int_default' };

async function post(sim: RunningTerminalSimulator, body: string, method = 'POST', path = '/interapp') {
  const res = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' && { body }) });
  return { status: res.status, json: (await res.json()) as { callback?: string; error?: string } };
}

/** Sends a request made of BASE and `fields`; answers the callback's scheme and fields. */
async function cancel(sim: RunningTerminalSimulator, fields: Partial<Record<RequestField, string>>) {
  const { status, json } = await post(sim, JSON.stringify({ uri: buildRequestUri({ ...BASE, ...fields }) }));
  expect(status).toBe(200);
  const parsed = parseCallbackUri(json.callback!);
  if (!parsed.ok) throw new Error(parsed.problem);
  expect([parsed.callback.scheme, parsed.callback.host]).toEqual(['interapp-callback', 'result']);
  return parsed.callback.fields;
}

describe('the Viva terminal simulator', () => {
  let sim: RunningTerminalSimulator;
  beforeEach(async () => {
    sim = await startTerminalSimulator();
  });
  afterEach(() => sim.close());

  it("voids today's sale by shortOrderCode with every callback field in its format", async () => {
    const cb = await cancel(sim, { shortOrderCode: '1091159196' });
    expect(cb).toMatchObject({ status: 'success', message: 'Transaction cancelled', action: 'cancel', amount: '1200', cardType: 'Debit Mastercard', accountNumber: '537489******1831', orderCode: '1091159196000136', shortOrderCode: '1091159196', tid: '16016684' });
    expect(CALLBACK_FORMATS.transactionId.test(cb.transactionId!)).toBe(true);
    expect(parseIsoWithOffset(cb.transactionDate!)).toBeDefined();
    expect(cb.aadeTransactionId).toBeUndefined();
  });

  it('refunds partially until nothing is left, and refuses more than is left', async () => {
    expect(await cancel(sim, { orderCode: '1091159197000137', amount: '2000' })).toMatchObject({ status: 'success', message: 'Transaction refunded', amount: '2000' });
    expect(await cancel(sim, { orderCode: '1091159197000137', amount: '3001' })).toMatchObject({ status: 'fail', message: 'The amount 3001 is more than the 3000 left to refund' });
    expect(await cancel(sim, { orderCode: '1091159197000137' })).toMatchObject({ status: 'success', amount: '3000' });
    expect((await cancel(sim, { orderCode: '1091159197000137', amount: '1' })).status).toBe('fail');
  });

  it('finds by shortOrderCode, then orderCode, then referenceNumber', async () => {
    const cb = await cancel(sim, { shortOrderCode: '1091159196', orderCode: '1091159197000137', referenceNumber: '833124', amount: '100' });
    expect(cb.orderCode).toBe('1091159196000136');
    expect((await cancel(sim, { orderCode: '1091159197000137', referenceNumber: '833124', amount: '100' })).orderCode).toBe('1091159197000137');
    expect((await cancel(sim, { referenceNumber: '833124', amount: '100' })).orderCode).toBe('1091159199000139');
  });

  it("does not find another terminal's sale by shortOrderCode, but does by orderCode", async () => {
    expect(await cancel(sim, { shortOrderCode: '1091159198' })).toMatchObject({ status: 'fail', message: 'Transaction not found' });
    expect(await cancel(sim, { orderCode: '1091159198000138' })).toMatchObject({ status: 'success', tid: '16016685' });
  });

  it('fails an unknown transaction, txnDateTo alone, a window that misses the payment, and a bad amount', async () => {
    expect((await cancel(sim, { orderCode: '999' })).status).toBe('fail');
    expect(await cancel(sim, { orderCode: '1091159196000136', txnDateTo: '2030-01-01T00:00:00.000+0300' })).toMatchObject({ status: 'fail', message: expect.stringMatching(/txnDateTo/) });
    expect((await cancel(sim, { orderCode: '1091159196000136', txnDateFrom: '2020-01-01T00:00:00.000+0300', txnDateTo: '2020-01-02T00:00:00.000+0300' })).message).toBe('Transaction not found');
    expect((await cancel(sim, { orderCode: '1091159196000136', amount: '12.00' })).status).toBe('fail');
  });

  it('adds aadeTransactionId (acquirer + RRN + authorization code) when the request had the AADE parameters', async () => {
    const cb = await cancel(sim, { orderCode: '1091159196000136', aadeProviderId: '999', aadeProviderSignatureData: 'AD33;;20231204080313;1051;10000;2400;12400;POS_1', aadeProviderSignature: 'o0094r3Yk3KTqASLkW3evlDsnIg/ZAdUUf6UCXDtjqpI/dquzAT4WNX3yzS/GLciVNbT75H4pj8hLOV0EpHtzw==' });
    expect(cb.aadeTransactionId).toBe('116123456833121690882');
    expect(CALLBACK_FORMATS.aadeTransactionId.test(cb.aadeTransactionId!)).toBe(true);
  });

  it('answers adapter mistakes with a status and an error, not a callback', async () => {
    expect((await post(sim, 'not json')).status).toBe(400);
    expect((await post(sim, JSON.stringify({ url: 'x' }))).status).toBe(400);
    expect(await post(sim, JSON.stringify({ uri: buildRequestUri({ ...BASE, callback: undefined, orderCode: '1' }) }))).toMatchObject({ status: 422, json: { error: expect.stringMatching(/callback/) } });
    expect((await post(sim, '', 'GET')).status).toBe(405);
    expect((await post(sim, '{}', 'POST', '/other')).status).toBe(404);
  });

  it('answers 500 when a rule throws, and goes on serving', async () => {
    // Arrange
    const broken = await startTerminalSimulator({ rules: { searchKey: () => { throw new Error('boom'); } } });
    try {
      // Act
      const failed = await post(broken, JSON.stringify({ uri: buildRequestUri({ ...BASE, orderCode: '1' }) }));
      const after = await post(broken, 'not json');
      // Assert
      expect(failed).toEqual({ status: 500, json: { error: 'the simulator failed on this request' } });
      expect(after.status).toBe(400);
    } finally {
      await broken.close();
    }
  });
});
