/**
 * PROFILE 1.1 (device headers) and 1.2 (signature, timestamp, nonce) against the reference
 * target, through the signed client and its RequestBreaks. The target and the client share a
 * fixed clock so that timestamp windows are exact.
 */
import type { Answer, RequestBreaks } from '../../../client';
import { newNonce } from '../../../client/build';
import { sampleCharge } from '../../../client/fixtures';
import { expectOk, expectRefused } from '../../../testing/expect-answer';
import { TargetFleet } from '../testing/fleet';
import type { Reference } from '../testing/reference';
import type { TargetOptionsInput } from './options';

/** 2025-06-01T12:00:00Z, a whole second. */
const FIXED = Date.UTC(2025, 5, 1, 12, 0, 0);
const now = () => FIXED;

const fleet = new TargetFleet({ now });
const start = (options: TargetOptionsInput = {}) => fleet.start(options);

let ref: Reference;
let ref400: Reference;

const charge = (r: Reference, breaks?: RequestBreaks) => r.client.charge(sampleCharge({}, FIXED), breaks ? { breaks } : {});

/** A signed charge request whose X-Signature is replaced by `mutate(the correct value)`. */
async function chargeWithSignature(mutate: (good: string) => string): Promise<Answer> {
  const wire = ref.client.build({ method: 'POST', path: '/pos/charge', plaintext: sampleCharge({}, FIXED) });
  const at = wire.headers.findIndex(([n]) => n.toLowerCase() === 'x-signature');
  expect(at).toBeGreaterThanOrEqual(0);
  wire.headers[at] = [wire.headers[at]![0], mutate(wire.headers[at]![1])];
  return ref.client.send(wire, 'charge-response');
}

beforeAll(async () => {
  ref = await start();
  ref400 = await start({ may: { deviceHeaderStatus: 400 } });
});

afterAll(() => fleet.closeAll());

describe('baseline', () => {
  it('a correct signed charge on the fixed clock is 200', async () => {
    expectOk(await charge(ref));
    expectOk(await charge(ref400));
  });
});

describe('1.1 device headers', () => {
  const broken: Array<[string, Record<string, string | null>]> = [
    ['X-Terminal-Id absent', { 'X-Terminal-Id': null }],
    ['X-Terminal-Id empty', { 'X-Terminal-Id': '' }],
    ['User-Agent absent', { 'User-Agent': null }],
    ['User-Agent "curl/8"', { 'User-Agent': 'curl/8' }],
    ['User-Agent "viopay-pos/1.0" (prefix is case-sensitive)', { 'User-Agent': 'viopay-pos/1.0' }],
    ['X-Client-Type absent', { 'X-Client-Type': null }],
    ['X-Client-Type "POS"', { 'X-Client-Type': 'POS' }],
    ['X-Client-Type "web"', { 'X-Client-Type': 'web' }],
  ];

  it.each(broken)('1.1 %s MUST be rejected: 401 "4001" (reference default)', async (_name, headers) => {
    expectRefused(await charge(ref, { headers }), 401, '4001');
  });

  it.each(broken)('1.1 %s MUST be rejected: 400 "4000" (deviceHeaderStatus 400)', async (_name, headers) => {
    expectRefused(await charge(ref400, { headers }), 400, '4000');
  });

  it('1.1 device headers are checked on cancel too (no body)', async () => {
    expectRefused(await ref.client.cancel('ch_any', { breaks: { headers: { 'User-Agent': 'curl/8' } } }), 401, '4001');
  });

  it('1.1 another User-Agent that starts with Viopay-POS/ is accepted', async () => {
    expectOk(await charge(ref, { headers: { 'User-Agent': 'Viopay-POS/9.9' } }));
  });
});

describe('1.2 signature headers', () => {
  it.each(['X-Key-Id', 'X-Timestamp', 'X-Nonce', 'X-Signature'])('1.2 %s absent MUST 401 "4001"', async (name) => {
    expectRefused(await charge(ref, { headers: { [name]: null } }), 401, '4001');
  });

  it('1.2 unknown X-Key-Id MUST 401 "4001"', async () => {
    expectRefused(await charge(ref, { keyId: 'hmac-key-1999-01' }), 401, '4001');
  });

  it('1.2 a signature made with the wrong secret MUST 401 "4001"', async () => {
    expectRefused(await charge(ref, { signature: { secret: 'x' } }), 401, '4001');
  });

  it('1.2 a terminal id the target does not know, signed correctly, MUST be rejected (401)', async () => {
    expectRefused(await charge(ref, { terminalId: 'TERM-999' }), 401, '4001');
  });

  const otherParts: Array<[string, NonNullable<NonNullable<RequestBreaks['signature']>['over']>]> = [
    ['body', { body: '{"format":"TR31-DATA"}' }],
    ['path', { path: '/pos/charge/x/refund' }],
    ['query', { query: 'a=1' }],
    ['method', { method: 'PUT' }],
    ['terminal id', { terminalId: 'TERM-002' }],
    ['timestamp', { timestamp: '2025-06-01T12:00:01Z' }],
    ['nonce', { nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA' }],
  ];
  it.each(otherParts)('1.2 a signature over another %s MUST 401 "4001"', async (_name, over) => {
    expectRefused(await charge(ref, { signature: { over } }), 401, '4001');
  });

  it('1.2 a cancel signed over a non-empty body MUST 401 (cancel covers the empty body)', async () => {
    const made = await ref.client.charge(sampleCharge({}, FIXED));
    expectOk(made);
    const id = (made.plaintext as { charge_id: string }).charge_id;
    expectRefused(await ref.client.cancel(id, { breaks: { signature: { over: { body: '{}' } } } }), 401, '4001');
    // and the correct cancel still works
    expectOk(await ref.client.cancel(id));
  });

  const malformed: Array<[string, (good: string) => string]> = [
    ['"v2=" prefix', (good) => `v2=${good.slice(3)}`],
    ['"V1=" prefix (case-sensitive)', (good) => `V1=${good.slice(3)}`],
    ['no prefix', (good) => good.slice(3)],
    ['unpadded base64', (good) => good.replace(/=+$/, '')],
    ['31 bytes', (good) => `v1=${Buffer.from(good.slice(3), 'base64').subarray(0, 31).toString('base64')}`],
    ['33 bytes', (good) => `v1=${Buffer.concat([Buffer.from(good.slice(3), 'base64'), Buffer.from([0])]).toString('base64')}`],
    ['hex instead of base64', (good) => `v1=${Buffer.from(good.slice(3), 'base64').toString('hex')}`],
    ['empty', () => ''],
    ['"v1=" alone', () => 'v1='],
  ];
  it.each(malformed)('1.2 a malformed X-Signature (%s) MUST 401 "4001"', async (_name, mutate) => {
    expectRefused(await chargeWithSignature(mutate), 401, '4001');
  });

  it('1.2 the unmodified signature passes through the same path (control for the cases above)', async () => {
    expectOk(await chargeWithSignature((good) => good));
  });

  it('1.2 the signature is checked before decryption: bad signature + malformed envelope is 401, not 400', async () => {
    expectRefused(await charge(ref, { rawBody: '{', signature: { secret: 'x' } }), 401, '4001');
    expectRefused(await charge(ref, { envelope: { mode: 'ECB' }, signature: { secret: 'x' } }), 401, '4001');
  });
});

describe('1.2 timestamps (target and client share a fixed clock)', () => {
  it.each([-290, 290, -300, 300, 0])('1.2 skew %i s MUST be accepted', async (skewSeconds) => {
    expectOk(await charge(ref, { timestamp: { skewSeconds } }));
  });

  it.each([-310, 310, -301, 301, -3600, 86400])('1.2 skew %i s MUST 401 "4001"', async (skewSeconds) => {
    expectRefused(await charge(ref, { timestamp: { skewSeconds } }), 401, '4001');
  });

  it.each([
    ['fractional seconds', '2025-06-01T12:00:00.123Z'],
    ['fractional seconds, 6 digits', '2025-06-01T11:59:59.999999Z'],
    ['+02:00 offset', '2025-06-01T14:00:00+02:00'],
    ['-05:30 offset', '2025-06-01T06:30:00-05:30'],
    ['+00:00 offset', '2025-06-01T12:00:00+00:00'],
    ['lower-case t and z', '2025-06-01t12:00:00z'],
  ])('1.2 RFC 3339 form (%s) SHOULD be accepted', async (_name, timestamp) => {
    expectOk(await charge(ref, { timestamp }));
  });

  it.each([
    ['no zone', '2025-06-01T12:00:00'],
    ['epoch seconds', String(FIXED / 1000)],
    ['epoch milliseconds', String(FIXED)],
    ['garbage', 'not-a-timestamp'],
    ['HTTP date', new Date(FIXED).toUTCString()],
    ['space instead of T', '2025-06-01 12:00:00Z'],
    ['offset without colon', '2025-06-01T14:00:00+0200'],
    ['impossible date', '2025-02-30T12:00:00Z'],
  ])('1.2 a timestamp that is not RFC 3339 (%s) MUST 401 "4001"', async (_name, timestamp) => {
    expectRefused(await charge(ref, { timestamp }), 401, '4001');
  });

  it('1.2 an offset form outside the window MUST 401 (the offset is applied)', async () => {
    // 14:00:00+00:00 is two hours ahead; as +02:00 it would be on time.
    expectRefused(await charge(ref, { timestamp: '2025-06-01T14:00:00+00:00' }), 401, '4001');
  });
});

describe('1.2 nonces', () => {
  it('1.2 a nonce of 11 characters MUST 401 "4001"', async () => {
    expectRefused(await charge(ref, { nonce: newNonce(11) }), 401, '4001');
  });

  it.each([12, 64])('1.2 a nonce of %i letters and digits is accepted', async (length) => {
    const nonce = newNonce(length);
    expect(nonce).toMatch(new RegExp(`^[A-Za-z0-9]{${length}}$`));
    expectOk(await charge(ref, { nonce }));
  });

  it.each([
    ['a hyphen', 'abcdef-ghijkl0'],
    ['an underscore', 'abcdef_ghijkl0'],
    ['a space', 'abcdef ghijkl0'],
    ['a non-ASCII letter', 'abcdefghijklé'],
    ['a plus sign', 'abcdefghijkl+0'],
  ])('1.2 a nonce with %s MUST 401 "4001"', async (_name, nonce) => {
    expectRefused(await charge(ref, { nonce }), 401, '4001');
  });

  it('1.2 a replayed nonce MUST 401 "4001"', async () => {
    // Arrange
    const nonce = newNonce();
    // Act
    const first = await charge(ref, { nonce });
    const second = await charge(ref, { nonce });
    // Assert
    expectOk(first);
    expectRefused(second, 401, '4001');
  });

  it('1.2 a nonce replayed on another operation (cancel) MUST 401 "4001"', async () => {
    const nonce = newNonce();
    const made = await charge(ref, { nonce });
    expectOk(made);
    const id = (made.plaintext as { charge_id: string }).charge_id;
    expectRefused(await ref.client.cancel(id, { breaks: { nonce } }), 401, '4001');
  });

  it('1.2 a failed-signature first attempt MUST NOT burn the nonce', async () => {
    const nonce = newNonce();
    expectRefused(await charge(ref, { nonce, signature: { secret: 'x' } }), 401, '4001');
    expectOk(await charge(ref, { nonce }));
  });

  it('1.2 a stale-timestamp first attempt does not burn the nonce either', async () => {
    const nonce = newNonce();
    expectRefused(await charge(ref, { nonce, timestamp: { skewSeconds: 400 } }), 401, '4001');
    expectOk(await charge(ref, { nonce }));
  });
});

describe('1.2 the signature covers raw bytes', () => {
  it.each([
    ['pretty', { spacing: 'pretty' }],
    ['spaced', { spacing: 'spaced' }],
    ['reversed key order', { keyOrder: 'reversed' }],
    ['sorted key order', { keyOrder: 'sorted' }],
    ['pretty and reversed', { spacing: 'pretty', keyOrder: 'reversed' }],
  ] as const)('1.2 an envelope written %s MUST be accepted (200)', async (_name, body) => {
    const answer = await charge(ref, { body });
    expectOk(answer);
    expect((answer.plaintext as { status: string }).status).toBe('approved');
  });

  it.each(['lower', 'mixed'] as const)('1.3 %s-case request hex MUST be accepted (200)', async (hexCase) => {
    expectOk(await charge(ref, { envelope: { hexCase } }));
  });

  it('1.2 a query string on /pos/charge, signed correctly, is accepted (200)', async () => {
    const answer = await ref.client.raw(
      { method: 'POST', path: '/pos/charge', query: 'source=test&x=1', plaintext: sampleCharge({}, FIXED) },
      { schema: 'charge-response' },
    );
    expectOk(answer);
  });

  it('1.2 a query string sent but not signed MUST 401', async () => {
    expectRefused(await charge(ref, { query: 'x=1', signature: { over: { query: '' } } }), 401, '4001');
  });

  it('1.2 an envelope re-formatted after signing (bytes differ) MUST 401', async () => {
    const wire = ref.client.build({ method: 'POST', path: '/pos/charge', plaintext: sampleCharge({}, FIXED) });
    wire.body = Buffer.from(JSON.stringify(JSON.parse(wire.body.toString('utf8')), null, 2), 'utf8');
    expectRefused(await ref.client.send(wire), 401, '4001');
  });
});
