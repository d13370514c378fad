/** What reports get: redacted exchanges (no secret, PAN as 6 + 4, no PIN block) and a curl replay. */
import { buildRequest } from './build';
import type { PosCredentials } from './credentials';
import { recordExchange, toCurl } from './exchange';
import { sampleCharge } from './fixtures';
import { redactText } from './redact';

const creds: PosCredentials = {
  baseUrl: 'http://127.0.0.1:1',
  terminalId: 'TERM-001',
  keyId: 'hmac-key-2025-01',
  hmacSecret: 'super-secret-hmac-value',
  msk: Buffer.alloc(32, 9),
  kcvMethod: 'cmac',
  userAgent: 'Viopay-POS/1.0',
};

describe('recordExchange', () => {
  it.each([
    ['an envelope', {}],
    ['plaintext sent in clear', { plaintextBody: true }],
  ])('keeps no secret, full PAN or PIN block when the body is %s', (_name, breaks) => {
    // Arrange
    const wire = buildRequest({ method: 'POST', path: '/pos/charge', plaintext: sampleCharge({ pan: '4111111111111111' }) }, creds, breaks);
    // Act
    const text = JSON.stringify(recordExchange(creds.baseUrl, wire));
    // Assert
    expect(text).not.toContain('4111111111111111');
    expect(text).not.toContain('0412345678ABCDEF');
    expect(text).not.toContain(creds.hmacSecret);
    expect(text).not.toContain(creds.msk.toString('hex'));
    expect(text).toContain('411111******1111');
  });
});

describe('redactText', () => {
  it('masks Luhn-valid card numbers in free text and leaves other digit runs', () => {
    expect(redactText('pan 4000000000000002, stan 000123, ref 1234567890123')).toBe('pan 400000******0002, stan 000123, ref 1234567890123');
  });
});

describe('toCurl', () => {
  it('replays method, URL, every header and the body, shell-quoted', () => {
    const wire = buildRequest({ method: 'POST', path: '/pos/charge/it\'s/cancel' }, creds, { rawBody: "{'x'}" });
    const curl = toCurl(recordExchange(creds.baseUrl, wire));
    expect(curl).toMatch(/^curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:1\/pos\/charge\/it'\\''s\/cancel'/);
    expect(curl).toContain("-H 'X-Client-Type: pos'");
    expect(curl).toContain("--data-binary '{'\\''x'\\''}'");
  });
});

describe('recordExchange and bearer tokens', () => {
  it('keeps the scheme of an Authorization header, never the token', () => {
    const wire = { method: 'POST', path: '/vpws/payment/cancel', query: '', headers: [['Authorization', 'Bearer s3cr3t-token-value'] as [string, string]], body: Buffer.from('{}') };
    const text = JSON.stringify(recordExchange('http://127.0.0.1:1', wire));
    expect(text).not.toContain('s3cr3t-token-value');
    expect(text).toContain('Bearer [redacted]');
  });
});
