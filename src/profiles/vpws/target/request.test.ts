/**
 * PROFILE section 2 before the cancel: token (401), owner (403), the body (bad JSON, missing or
 * empty referenceCode, oversized), routes (404, 405), all in the section 2 shape and never 5xx.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { RunningVpwsTarget } from './server';
import { vpwsShapeProblems } from './shape';
import { bearer, call, cancelAs, dataOf, givenTransaction, TargetPool, type HttpAnswer } from './testing';

const pool = new TargetPool();
let target: RunningVpwsTarget;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  target = await pool.start({ onInternalError: (error) => internalErrors.push(error) });
});

afterAll(() => pool.closeAll());

afterEach(() => {
  // No test here reaches a bug: bad input is always answered without an internal error.
  expect(internalErrors).toEqual([]);
});

/** A refusal with `data: null` (401, 403, 404, 405, bad JSON, 413). */
function expectPlainRefusal(answer: HttpAnswer, status: number): void {
  expect(answer.status).toBe(status);
  expect(vpwsShapeProblems(answer.body, status)).toEqual([]);
  expect(answer.body).toMatchObject({ statusCode: status, exceptions: null, data: null, oldData: null, errors: null });
}

describe('2 token', () => {
  it('no Authorization header: 401 {message: "Unauthorized", statusCode: 401, data: null}', async () => {
    // Arrange
    const referenceCode = await givenTransaction(target);
    // Act
    const answer = await call(target, { authorization: null, body: { referenceCode } });
    // Assert
    expectPlainRefusal(answer, 401);
    expect(answer.body).toEqual({ message: 'Unauthorized', statusCode: 401, exceptions: null, data: null, oldData: null, errors: null });
    expect(target.store.transactions.get(referenceCode)?.cancelled).toBe(false);
  });

  it.each([
    ['a wrong token', 'Bearer not-a-dealer-token'],
    ['a token of the right length but wrong', `Bearer ${'x'.repeat(27)}`],
    ['a dealer token without the Bearer scheme', 'paycert-vpws-dealer-a-token'],
    ['Basic instead of Bearer', 'Basic cGF5Y2VydC12cHdzLWRlYWxlci1hLXRva2Vu'],
    ['an empty Bearer', 'Bearer '],
  ])('%s: 401', async (_label, authorization) => {
    const referenceCode = await givenTransaction(target);
    const answer = await call(target, { authorization, body: { referenceCode } });
    expectPlainRefusal(answer, 401);
    expect(target.store.transactions.get(referenceCode)?.cancelled).toBe(false);
  });

  it('the scheme is case-insensitive (RFC 7235)', async () => {
    const referenceCode = await givenTransaction(target);
    const answer = await call(target, { authorization: bearer('dealer_a').replace('Bearer', 'bearer'), body: { referenceCode } });
    expect(answer.status).toBe(200);
  });

  it('the token is checked before the body: a bad body without a token is 401', async () => {
    const answer = await call(target, { authorization: null, body: '{not json' });
    expectPlainRefusal(answer, 401);
  });
});

describe('2 another dealer', () => {
  it("dealer_b cancelling dealer_a's transaction: 403, data null, the transaction untouched", async () => {
    // Arrange
    const referenceCode = await givenTransaction(target, { dealer: 'dealer_a' });
    // Act
    const answer = await cancelAs(target, referenceCode, 'dealer_b');
    // Assert
    expectPlainRefusal(answer, 403);
    expect(target.store.transactions.get(referenceCode)).toMatchObject({ cancelled: false, cancellations: 0 });
  });
});

describe('2 the request body', () => {
  it.each([
    ['not JSON', '{"referenceCode": '],
    ['a JSON array', '["NTH2P00000003000"]'],
    ['JSON null', 'null'],
    ['an empty body', ''],
  ])('%s: 400 in the section 2 shape, not 5xx', async (_label, body) => {
    const answer = await call(target, { body });
    expectPlainRefusal(answer, 400);
  });

  it.each([
    ['missing', { reason: 'test cancel' }],
    ['empty', { referenceCode: '' }],
    ['blank', { referenceCode: '   ' }],
    ['null', { referenceCode: null }],
  ])('a %s referenceCode: 400 with isSuccess false (may.missingReferenceStatus 400)', async (_label, body) => {
    const answer = await call(target, { body });
    expect(answer.status).toBe(400);
    expect(vpwsShapeProblems(answer.body, 400)).toEqual([]);
    expect(dataOf(answer)).toMatchObject({ isSuccess: false, errorCode: 'REFERENCE_REQUIRED' });
  });

  it.each([
    ['missing', {}],
    ['empty', { referenceCode: '' }],
  ])('a %s referenceCode with may.missingReferenceStatus 200: 200 with isSuccess false', async (_label, body) => {
    const other = await pool.start({ may: { missingReferenceStatus: 200 } });
    const answer = await call(other, { body });
    expect(answer.status).toBe(200);
    expect(vpwsShapeProblems(answer.body, 200)).toEqual([]);
    expect(dataOf(answer)).toMatchObject({ isSuccess: false, errorCode: 'REFERENCE_REQUIRED' });
  });

  it.each([
    ['a numeric referenceCode', { referenceCode: 42 }],
    ['a non-string reason', { referenceCode: 'NTH2P00000003000', reason: ['x'] }],
  ])('%s: 400, not 5xx', async (_label, body) => {
    const answer = await call(target, { body });
    expectPlainRefusal(answer, 400);
  });

  it('a body over 1 MiB: 413 in the section 2 shape', async () => {
    const answer = await call(target, { body: { referenceCode: 'NTH2P00000003000', reason: 'x'.repeat(1024 * 1024) } });
    expectPlainRefusal(answer, 413);
  });

  it('malformed HTTP: 400 in the section 2 shape', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(target.port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
      socket.write('POST /vpws/payment/cancel HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
    });
    expect(text.startsWith('HTTP/1.1 400')).toBe(true);
    expect(vpwsShapeProblems(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)), 400)).toEqual([]);
  });
});

describe('2 routes', () => {
  it.each(['/vpws/payment/cancel/', '/vpws/payment/refund', '/', '/pos/charge'])('POST %s: 404 in the section 2 shape', async (path) => {
    expectPlainRefusal(await call(target, { path, body: {} }), 404);
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s /vpws/payment/cancel: 405 with Allow: POST', async (method) => {
    const answer = await call(target, { method, body: { referenceCode: 'NTH2P00000003000' } });
    expectPlainRefusal(answer, 405);
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('a query string does not change the route', async () => {
    const referenceCode = await givenTransaction(target);
    const answer = await call(target, { path: '/vpws/payment/cancel?lang=tr', body: { referenceCode } });
    expect(answer.status).toBe(200);
  });

  it('close() ends keep-alive connections too', async () => {
    // Arrange: a kept-alive connection to a target of its own
    const other = await pool.start();
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${other.url}/`, { method: 'POST', headers: { Connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    // Act / Assert: close resolves although the connection was kept alive
    await expect(other.close()).resolves.toBeUndefined();
  });
});
