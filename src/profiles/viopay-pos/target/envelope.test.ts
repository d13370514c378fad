/**
 * PROFILE 1.3 (MSK envelope, both directions), 1.4 (error bodies), the routes of 1.1, the body
 * size limit and the state hook of section 4, against the reference target through the client.
 */
import type { Answer, RequestBreaks } from '../../../client';
import { sampleCharge, sampleRefund } from '../../../client/fixtures';
import { keyCheckValue } from '../../../crypto/kcv';
import { expectOk, expectRefused } from '../../../testing/expect-answer';
import { TargetFleet } from '../testing/fleet';
import type { Reference } from '../testing/reference';
import type { TargetOptionsInput } from './options';

const MSK = Buffer.from('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', 'hex');

const fleet = new TargetFleet();
const start = (options: TargetOptionsInput = {}) => fleet.start(options);

/** The error body is plain JSON of exactly the PROFILE 1.4 shape, never an envelope. */
function expectPlainError(answer: Answer): void {
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const json = answer.json as Record<string, unknown>;
  expect(Object.keys(json)).toEqual(['error']);
  const error = json.error as Record<string, unknown>;
  expect(error).toEqual({ code: expect.any(String), message: expect.any(String), trace_id: expect.any(String) });
  for (const field of ['format', 'ciphertext', 'initialization_vector', 'mode', 'key_kcv']) expect(json).not.toHaveProperty(field);
}

async function postState(ref: Reference, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(ref.target.stateUrl!, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}

let ref: Reference;

beforeAll(async () => {
  ref = await start();
});

afterAll(() => fleet.closeAll());

describe('1.3 malformed request envelopes MUST 400 "4000"', () => {
  const cases: Array<[string, RequestBreaks]> = [
    ['format "tr31-data" (case-sensitive)', { envelope: { format: 'tr31-data' } }],
    ['format "TR31"', { envelope: { format: 'TR31' } }],
    ['format missing', { envelope: { format: null } }],
    ['mode "ECB"', { envelope: { mode: 'ECB' } }],
    ['mode "cbc" (case-sensitive)', { envelope: { mode: 'cbc' } }],
    ['mode missing', { envelope: { mode: null } }],
    ['IV of 15 bytes', { envelope: { ivBytes: 15 } }],
    ['IV of 17 bytes', { envelope: { ivBytes: 17 } }],
    ['IV of 0 bytes', { envelope: { ivBytes: 0 } }],
    ['non-hex ciphertext', { envelope: { nonHexCiphertext: true } }],
    ['ciphertext truncated by 1 digit', { envelope: { truncateCiphertextDigits: 1 } }],
    ['ciphertext truncated by 32 digits', { envelope: { truncateCiphertextDigits: 32 } }],
    ['ciphertext empty', { envelope: { ciphertext: '' } }],
    ['padding none', { envelope: { padding: 'none' } }],
    ['padding zeros', { envelope: { padding: 'zeros' } }],
    ['padding inconsistent', { envelope: { padding: 'inconsistent' } }],
    ['padding too long', { envelope: { padding: 'too-long' } }],
    ['ciphertext not a string', { envelope: { extraFields: { ciphertext: 12 } } }],
    ['plaintext not UTF-8', { plaintextBytes: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }],
    ['plaintext not JSON', { plaintextBytes: Buffer.from('card=4111111111111111&amount=1500', 'utf8') }],
    ['body not JSON', { rawBody: '{' }],
    ['body a JSON array', { rawBody: '[]' }],
    ['body a JSON string', { rawBody: '"TR31-DATA"' }],
    ['body JSON null', { rawBody: 'null' }],
    ['empty body', { rawBody: '' }],
    ['plain charge JSON instead of an envelope', { plaintextBody: true }],
  ];

  it.each(cases)('1.3 charge with %s MUST 400 "4000"', async (_name, breaks) => {
    // Act
    const answer = await ref.client.charge(sampleCharge(), { breaks });
    // Assert
    expectRefused(answer, 400, '4000');
    expectPlainError(answer);
  });

  it.each(cases.filter(([name]) => !name.startsWith('plain charge')))('1.3 refund with %s MUST 400 "4000"', async (_name, breaks) => {
    const made = await ref.client.charge(sampleCharge());
    expectOk(made);
    const id = (made.plaintext as { charge_id: string }).charge_id;
    expectRefused(await ref.client.refund(id, sampleRefund('100'), { breaks }), 400, '4000');
  });

  it('1.3 plain refund JSON instead of an envelope MUST 400', async () => {
    const made = await ref.client.charge(sampleCharge());
    const id = (made.plaintext as { charge_id: string }).charge_id;
    expectRefused(await ref.client.refund(id, sampleRefund('100'), { breaks: { plaintextBody: true } }), 400, '4000');
  });

  it('1.3 an envelope with extra fields is still accepted (liberal reader)', async () => {
    expectOk(await ref.client.charge(sampleCharge(), { breaks: { envelope: { extraFields: { key_id: 'x', note: 1 } } } }));
  });

  it('1.3 SHOULD: bad padding and bad plaintext answer the same status and code (no padding oracle)', async () => {
    // Act
    const padding = await ref.client.charge(sampleCharge(), { breaks: { envelope: { padding: 'inconsistent' } } });
    const notJson = await ref.client.charge(sampleCharge(), { breaks: { plaintextBytes: Buffer.from('not json at all', 'utf8') } });
    const notUtf8 = await ref.client.charge(sampleCharge(), { breaks: { plaintextBytes: Buffer.from([0xc3, 0x28]) } });
    // Assert
    expect(padding.status).toBe(400);
    expect([notJson.status, notUtf8.status]).toEqual([padding.status, padding.status]);
    expect(padding.error?.code).toBe('4000');
    expect([notJson.error?.code, notUtf8.error?.code]).toEqual([padding.error?.code, padding.error?.code]);
  });
});

describe('1.3 response envelopes', () => {
  it('1.3 format and mode are exact; KCV is the CMAC KCV of the MSK; hex fields well formed', async () => {
    // Act
    const answer = await ref.client.charge(sampleCharge());
    // Assert
    expectOk(answer);
    const env = answer.json as Record<string, unknown>;
    expect(env.format).toBe('TR31-DATA');
    expect(env.mode).toBe('CBC');
    expect(env.key_kcv).toBe(keyCheckValue(MSK, 'cmac', 3));
    expect(env.key_kcv).toMatch(/^[0-9A-F]{6}$/);
    expect(env.initialization_vector).toMatch(/^[0-9A-Fa-f]{32}$/);
    expect(env.ciphertext).toMatch(/^(?:[0-9A-Fa-f]{32})+$/);
    expect(answer.problems.filter((p) => p.kind === 'kcv')).toEqual([]);
  });

  it('1.3 refund and cancel answers are envelopes too', async () => {
    const made = await ref.client.charge(sampleCharge());
    const id = (made.plaintext as { charge_id: string }).charge_id;
    const refund = await ref.client.refund(id, sampleRefund('100'));
    const cancel = await ref.client.cancel(id);
    for (const a of [refund, cancel]) {
      expectOk(a);
      expect(a.json).toMatchObject({ format: 'TR31-DATA', mode: 'CBC', key_kcv: keyCheckValue(MSK, 'cmac', 3) });
    }
  });

  it('1.3 SHOULD: every answer has a fresh IV (20 answers, 20 distinct IVs)', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 20; i++) answers.push(await ref.client.charge(sampleCharge()));
    for (const a of answers) expectOk(a);
    const ivs = answers.map((a) => String((a.json as Record<string, unknown>).initialization_vector).toUpperCase());
    expect(new Set(ivs).size).toBe(20);
  });

  it('1.3 MAY: kcvBytes 5 sends 10 hex digits and the client accepts them', async () => {
    const five = await start({ may: { kcvBytes: 5 } });
    const answer = await five.client.charge(sampleCharge());
    expectOk(answer);
    const kcv = (answer.json as Record<string, unknown>).key_kcv;
    expect(kcv).toMatch(/^[0-9A-Fa-f]{10}$/);
    expect(kcv).toBe(keyCheckValue(MSK, 'cmac', 5));
  });

  it('1.3 kcvMethod legacy: the client, declared legacy, accepts the legacy KCV', async () => {
    const legacy = await start({ kcvMethod: 'legacy' });
    expect(legacy.client.credentials.kcvMethod).toBe('legacy');
    const answer = await legacy.client.charge(sampleCharge());
    expectOk(answer);
    const kcv = (answer.json as Record<string, unknown>).key_kcv;
    expect(kcv).toBe(keyCheckValue(MSK, 'legacy', 3));
    expect(kcv).not.toBe(keyCheckValue(MSK, 'cmac', 3));
  });

  it('1.3 a KCV under the wrong method is reported by the client as a kcv problem (control)', async () => {
    const legacy = await start({ kcvMethod: 'legacy' });
    // The default reference client declares cmac; point it at the legacy target.
    const { PosClient } = await import('../../../client');
    const cmacClient = new PosClient({ ...legacy.client.credentials, kcvMethod: 'cmac' });
    const answer = await cmacClient.charge(sampleCharge());
    expect(answer.status).toBe(200);
    expect(answer.problems.map((p) => p.kind)).toEqual(['kcv']);
  });

  it('1.3/1.4 liberties (lower hex, pretty JSON, extra fields, charset, uuid ids) all decode with no problems', async () => {
    // Arrange
    const liberal = await start({
      liberties: { hexCase: 'lower', prettyJson: true, extraFields: true, charsetInContentType: true, idStyle: 'uuid' },
    });
    // Act
    const made = await liberal.client.charge(sampleCharge());
    const id = (made.plaintext as { charge_id: string }).charge_id;
    const refund = await liberal.client.refund(id, sampleRefund('100'));
    const cancel = await liberal.client.cancel(id);
    const refused = await liberal.client.charge(sampleCharge({ value: '15.00' }));
    // Assert
    for (const a of [made, refund, cancel]) expectOk(a);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((refund.plaintext as { amount: unknown }).amount).toEqual({ value: '100', currency: 'EUR' });
    expect(cancel.plaintext).toEqual({ charge_id: id, status: 'cancelled' });
    expect(made.headers['content-type']).toContain('charset=utf-8');
    expect(made.wire.response.body.toString('utf8')).toContain('\n');
    expect((made.json as Record<string, unknown>).key_kcv).toBe(keyCheckValue(MSK, 'cmac', 3).toLowerCase());
    expectRefused(refused, 400, '4000');
  });
});

describe('1.4 error answers', () => {
  it('1.4 a 400 is plain JSON {error:{code,message,trace_id}}, code "4000"', async () => {
    const answer = await ref.client.charge(sampleCharge(), { breaks: { envelope: { mode: 'ECB' } } });
    expectRefused(answer, 400, '4000');
    expectPlainError(answer);
  });

  it('1.4 a 401 is plain JSON {error:{code,message,trace_id}}, code "4001"', async () => {
    const answer = await ref.client.charge(sampleCharge(), { breaks: { signature: { secret: 'x' } } });
    expectRefused(answer, 401, '4001');
    expectPlainError(answer);
  });

  it('1.4 a 404 for an unknown charge carries the error shape with a 4-digit code', async () => {
    const answer = await ref.client.cancel('ch_nope');
    expectRefused(answer, 404, /^[0-9]{4}$/);
    expectPlainError(answer);
  });

  it('1.4 trace ids are non-empty', async () => {
    const answer = await ref.client.charge(sampleCharge(), { breaks: { rawBody: '{' } });
    expect(answer.error?.trace_id.length).toBeGreaterThan(0);
  });
});

describe('1.1 routes and limits', () => {
  it('1.1 an unknown path answers 404 with the error shape', async () => {
    const answer = await ref.client.raw({ method: 'POST', path: '/pos/charges' });
    expectRefused(answer, 404, /^[0-9]{4}$/);
    expectPlainError(answer);
  });

  it.each(['/pos/charge/x', '/pos/charge/x/capture', '/pos/charge//refund', '/'])('1.1 path %s answers 404', async (path) => {
    expectRefused(await ref.client.raw({ method: 'POST', path }), 404, /^[0-9]{4}$/);
  });

  it('1.1 GET /pos/charge answers 405 with the error shape', async () => {
    const answer = await ref.client.raw({ method: 'GET', path: '/pos/charge' });
    expectRefused(answer, 405, /^[0-9]{4}$/);
    expectPlainError(answer);
    expect(answer.headers.allow).toBe('POST');
  });

  it('1.1 PUT /pos/charge/{id}/cancel answers 405', async () => {
    expectRefused(await ref.client.raw({ method: 'PUT', path: '/pos/charge/ch_x/cancel' }), 405, /^[0-9]{4}$/);
  });

  it('1.4 a body over 1 MiB is refused 4xx (413), never 5xx, and the server still answers after', async () => {
    // Act
    const big = await ref.client.charge(sampleCharge(), { breaks: { rawBody: Buffer.alloc(1024 * 1024 + 1, 0x20) } });
    const after = await ref.client.charge(sampleCharge());
    // Assert
    expect(big.status).toBe(413);
    expect(big.problems).toEqual([]);
    expect(big.error?.code).toMatch(/^[0-9]{4}$/);
    expectOk(after);
  });

  it('1.4 a body of exactly 1 MiB is read (then refused as a bad envelope: 400, not 413)', async () => {
    const answer = await ref.client.charge(sampleCharge(), { breaks: { rawBody: Buffer.alloc(1024 * 1024, 0x20) } });
    expectRefused(answer, 400, '4000');
  });
});

describe('4 state hook', () => {
  it('4 an unknown state answers 400', async () => {
    const res = await postState(ref, JSON.stringify({ action: 'setup', state: 'charge is haunted', params: {} }));
    expect(res.status).toBe(400);
  });

  it('4 teardown answers 200 with a JSON object', async () => {
    const res = await postState(ref, JSON.stringify({ action: 'teardown', state: 'charge is settled', params: {} }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual(expect.any(Object));
  });

  it('4 a body that is not JSON answers 400', async () => {
    const res = await postState(ref, '{"action":');
    expect(res.status).toBe(400);
  });

  it('4 "charge is settled" for an unknown charge answers 400', async () => {
    const res = await postState(ref, JSON.stringify({ action: 'setup', state: 'charge is settled', params: { charge_id: 'ch_nope' } }));
    expect(res.status).toBe(400);
  });

  it('4 "charge is settled" answers 200 with a JSON object and the charge is then settled', async () => {
    const made = await ref.client.charge(sampleCharge());
    const id = (made.plaintext as { charge_id: string }).charge_id;
    const res = await postState(ref, JSON.stringify({ action: 'setup', state: 'charge is settled', params: { charge_id: id } }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual(expect.any(Object));
    expectRefused(await ref.client.cancel(id), 400, '4000');
  });
});
