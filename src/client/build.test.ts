/** The request builder: a clean request verifies, and each breakage breaks exactly what it names. */
import { canonicalBytes, type CanonicalParts } from '../crypto/canonical';
import { open, openBytes, parseEnvelope } from '../crypto/envelope';
import { EnvelopeError } from '../crypto/envelope-errors';
import { verifySignature } from '../crypto/signature';
import type { EnvelopeBreaks } from './breaks';
import { buildRequest, newNonce, nonceFor, type RequestSpec } from './build';
import type { PosCredentials } from './credentials';
import { sampleCharge } from './fixtures';
import type { WireRequest } from './wire';

const creds: PosCredentials = {
  baseUrl: 'http://127.0.0.1:1',
  terminalId: 'TERM-001',
  keyId: 'hmac-key-2025-01',
  hmacSecret: 'test-secret',
  msk: Buffer.alloc(32, 7),
  kcvMethod: 'cmac',
  userAgent: 'Viopay-POS/1.4.2 (Android 12; PAX-A920)',
};
const NOW = Date.UTC(2025, 11, 13, 14, 25, 30);
const charge: RequestSpec = { method: 'POST', path: '/pos/charge', plaintext: sampleCharge({}, NOW) };

function headerOf(req: WireRequest, name: string): string | undefined {
  return req.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

function partsOf(req: WireRequest): CanonicalParts {
  return {
    method: req.method,
    path: req.path,
    query: req.query,
    body: req.body,
    terminalId: headerOf(req, 'X-Terminal-Id') ?? '',
    timestamp: headerOf(req, 'X-Timestamp') ?? '',
    nonce: headerOf(req, 'X-Nonce') ?? '',
  };
}

function envelopeFailure(req: WireRequest): string | null {
  try {
    open(req.body, creds.msk);
    return null;
  } catch (error) {
    return error instanceof EnvelopeError ? error.kind : 'other';
  }
}

describe('a clean request', () => {
  it('carries every PROFILE 1.1 / 1.2 header and a signature over its exact bytes', () => {
    const req = buildRequest(charge, creds, {}, NOW);
    expect(req.headers.map(([n]) => n)).toEqual([
      'X-Terminal-Id', 'User-Agent', 'X-Client-Type', 'X-Key-Id', 'X-Timestamp', 'X-Nonce', 'X-Signature', 'Content-Type',
    ]);
    expect(headerOf(req, 'X-Timestamp')).toBe('2025-12-13T14:25:30Z');
    expect(headerOf(req, 'X-Nonce')).toMatch(/^[A-Za-z0-9]{12,}$/);
    expect(() => verifySignature(headerOf(req, 'X-Signature'), partsOf(req), creds.hmacSecret)).not.toThrow();
    expect(open(req.body, creds.msk)).toEqual(charge.plaintext);
  });

  it('cancel has an empty body and still signs it', () => {
    const req = buildRequest({ method: 'POST', path: '/pos/charge/ch_1/cancel' }, creds, {}, NOW);
    expect(req.body).toHaveLength(0);
    expect(canonicalBytes(partsOf(req)).toString()).toContain('/pos/charge/ch_1/cancel\n\n\nTERM-001\n');
    expect(() => verifySignature(headerOf(req, 'X-Signature'), partsOf(req), creds.hmacSecret)).not.toThrow();
  });

  it('adds Idempotency-Key when asked', () => {
    expect(headerOf(buildRequest({ ...charge, idempotencyKey: 'idem-1' }, creds, {}, NOW), 'Idempotency-Key')).toBe('idem-1');
  });

  it('makes a new nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
  });
});

describe('the nonce of an X-Nonce case near miss', () => {
  it('is drawn again until the near miss changes it', () => {
    // Arrange: the first draw has no upper-case letter, so lower-casing it would change nothing
    const draws = ['abc123def456ghi7', 'abC123def456ghi7'];
    const draw = () => draws.shift()!;

    // Act
    const nonce = nonceFor({ element: 'X-Nonce', kind: 'lower-case', in: 'signed' }, draw);

    // Assert
    expect(nonce).toBe('abC123def456ghi7');
  });

  it('is the first draw for any other near miss', () => {
    const draws = ['abc123def456ghi7', 'abC123def456ghi7'];
    expect(nonceFor({ element: 'X-Terminal-Id', kind: 'lower-case' }, () => draws.shift()!)).toBe('abc123def456ghi7');
  });
});

describe('header breaks', () => {
  it('removes a header and leaves the signature as it was', () => {
    const clean = buildRequest(charge, creds, { nonce: 'abcdefabcdef' }, NOW);
    const broken = buildRequest(charge, creds, { nonce: 'abcdefabcdef', headers: { 'user-agent': null } }, NOW);
    expect(headerOf(broken, 'User-Agent')).toBeUndefined();
    expect(headerOf(broken, 'X-Nonce')).toBe(headerOf(clean, 'X-Nonce'));
  });

  it('replaces a signed header after signing, so the signature no longer verifies', () => {
    const req = buildRequest(charge, creds, { headers: { 'X-Terminal-Id': 'TERM-999' } }, NOW);
    expect(headerOf(req, 'X-Terminal-Id')).toBe('TERM-999');
    expect(() => verifySignature(headerOf(req, 'X-Signature'), partsOf(req), creds.hmacSecret)).toThrow();
  });

  it('sends and signs another terminal id, timestamp and nonce', () => {
    const req = buildRequest(charge, creds, { terminalId: 'TERM-002', timestamp: { skewSeconds: -301 }, nonce: 'n0nce0000000' }, NOW);
    expect(headerOf(req, 'X-Terminal-Id')).toBe('TERM-002');
    expect(headerOf(req, 'X-Timestamp')).toBe('2025-12-13T14:20:29Z');
    expect(() => verifySignature(headerOf(req, 'X-Signature'), partsOf(req), creds.hmacSecret)).not.toThrow();
  });

  it('sends an exact timestamp string', () => {
    expect(headerOf(buildRequest(charge, creds, { timestamp: 'yesterday' }, NOW), 'X-Timestamp')).toBe('yesterday');
  });
});

describe('signature breaks', () => {
  it('signs other parts than it sends', () => {
    const req = buildRequest(charge, creds, { signature: { over: { body: '' } } }, NOW);
    expect(() => verifySignature(headerOf(req, 'X-Signature'), partsOf(req), creds.hmacSecret)).toThrow();
    expect(() => verifySignature(headerOf(req, 'X-Signature'), { ...partsOf(req), body: '' }, creds.hmacSecret)).not.toThrow();
  });

  it('signs with another secret, or sends a verbatim value, or another key id', () => {
    const other = buildRequest(charge, creds, { signature: { secret: 'other' } }, NOW);
    expect(() => verifySignature(headerOf(other, 'X-Signature'), partsOf(other), 'other')).not.toThrow();
    expect(() => verifySignature(headerOf(other, 'X-Signature'), partsOf(other), creds.hmacSecret)).toThrow();
    expect(headerOf(buildRequest(charge, creds, { signature: { value: 'v2=abc' } }, NOW), 'X-Signature')).toBe('v2=abc');
    expect(headerOf(buildRequest(charge, creds, { keyId: 'nope' }, NOW), 'X-Key-Id')).toBe('nope');
  });
});

describe('body formatting', () => {
  it.each([
    ['pretty', { spacing: 'pretty' as const }],
    ['spaced', { spacing: 'spaced' as const }],
    ['reversed keys', { keyOrder: 'reversed' as const }],
    ['sorted keys', { keyOrder: 'sorted' as const }],
  ])('%s: other bytes, the same envelope, a signature over those bytes', (_name, body) => {
    const plain = buildRequest(charge, creds, { envelope: { iv: '00'.repeat(16) } }, NOW);
    const formatted = buildRequest(charge, creds, { body, envelope: { iv: '00'.repeat(16) } }, NOW);
    expect(formatted.body.equals(plain.body)).toBe(false);
    expect(parseEnvelope(formatted.body)).toEqual(parseEnvelope(plain.body));
    expect(() => verifySignature(headerOf(formatted, 'X-Signature'), partsOf(formatted), creds.hmacSecret)).not.toThrow();
  });
});

describe('envelope breaks produce the malformation they name', () => {
  it.each<[string, EnvelopeBreaks, string]>([
    ['format', { format: 'tr31-data' }, 'format'],
    ['format missing', { format: null }, 'format'],
    ['mode', { mode: 'ECB' }, 'mode'],
    ['mode missing', { mode: null }, 'mode'],
    ['IV of 15 bytes', { ivBytes: 15 }, 'iv_length'],
    ['IV of 17 bytes', { ivBytes: 17 }, 'iv_length'],
    ['non-hex ciphertext', { nonHexCiphertext: true }, 'hex'],
    ['ciphertext cut by 1 digit', { truncateCiphertextDigits: 1 }, 'ciphertext_length'],
    ['ciphertext cut by a block', { truncateCiphertextDigits: 32 }, 'padding'],
    ['no padding', { padding: 'none' }, 'padding'],
    ['zero padding', { padding: 'zeros' }, 'padding'],
    ['inconsistent padding', { padding: 'inconsistent' }, 'padding'],
    ['pad count over a block', { padding: 'too-long' }, 'padding'],
  ])('%s', (_name, envelope, kind) => {
    expect(envelopeFailure(buildRequest(charge, creds, { envelope }, NOW))).toBe(kind);
  });

  it('lower-case and mixed-case hex still open (either case is conformant)', () => {
    for (const hexCase of ['lower', 'mixed'] as const) {
      expect(envelopeFailure(buildRequest(charge, creds, { envelope: { hexCase } }, NOW))).toBeNull();
    }
  });

  it('a plaintext that is not JSON opens to bytes but fails as plaintext', () => {
    const req = buildRequest(charge, creds, { plaintextBytes: Buffer.from('not json') }, NOW);
    expect(openBytes(req.body, creds.msk).toString()).toBe('not json');
    expect(envelopeFailure(req)).toBe('plaintext');
  });

  it('sends the plaintext itself instead of an envelope, or raw bytes', () => {
    const plain = buildRequest(charge, creds, { plaintextBody: true }, NOW);
    expect(JSON.parse(plain.body.toString())).toEqual(charge.plaintext);
    expect(buildRequest(charge, creds, { rawBody: '{' }, NOW).body.toString()).toBe('{');
  });
});
