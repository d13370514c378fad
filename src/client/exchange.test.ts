/** What reports get: redacted exchanges (no secret, PAN as 6 + 4, no PIN block) and a curl replay. */
import { buildRequest } from './build';
import type { PosCredentials } from './credentials';
import { cutNote, EVIDENCE_BODY_BYTES, recordExchange, recordPlainExchange, toCurl } from './exchange';
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

describe('recordExchange: bounded evidence', () => {
  const wire = { method: 'POST', path: '/pos/charge', query: '', headers: [] as Array<[string, string]>, body: Buffer.from('{}') };
  const answer = (body: Buffer, truncated = false) => ({ status: 200, headers: {}, body, truncated, durationMs: 1 });

  it('keeps a small answer whole, not marked cut', () => {
    // Act
    const exchange = recordExchange('http://t', wire, answer(Buffer.from('{"a":1}')));
    // Assert
    expect(exchange.response).toEqual({ status: 200, headers: {}, body: '{"a":1}', truncated: false });
    expect(cutNote(exchange.response!)).toBeNull();
  });

  it('keeps the first 16 KiB of a larger answer and its size, and says so', () => {
    // Arrange: a card number past the cut, one before it
    const body = Buffer.concat([Buffer.from('pan 4111111111111111 '), Buffer.alloc(10 * 1024 * 1024, 0x61), Buffer.from(' 4000000000000002')]);
    // Act
    const exchange = recordExchange('http://t', wire, answer(body));
    // Assert
    expect(Buffer.byteLength(exchange.response!.body)).toBeLessThanOrEqual(EVIDENCE_BODY_BYTES);
    expect(exchange.response!.body.startsWith('pan 411111******1111 aaa')).toBe(true);
    expect(exchange.response).toMatchObject({ truncated: true, bytes: body.length });
    expect(cutNote(exchange.response!)).toBe(`${body.length} bytes, first 16 KiB shown`);
  });

  it('keeps the first 16 KiB of a larger request body and its size, and its curl line says so', () => {
    // Arrange: a 4 MiB body as a body-size probe sends it, a card number in its start
    const big = { ...wire, body: Buffer.concat([Buffer.from('pan 4111111111111111 '), Buffer.alloc(4 * 1024 * 1024, 0x20)]) };
    // Act
    const exchange = recordExchange('http://t', big);
    // Assert
    expect(Buffer.byteLength(exchange.request.body)).toBeLessThanOrEqual(EVIDENCE_BODY_BYTES);
    expect(exchange.request.body.startsWith('pan 411111******1111 ')).toBe(true);
    expect(exchange.request.bytes).toBe(big.body.length);
    expect(toCurl(exchange)).toMatch(new RegExp(`# the body sent was ${big.body.length} bytes; this is its first 16 KiB`));
  });

  it('keeps a small request body whole, without a size', () => {
    expect(recordExchange('http://t', wire).request).toEqual({ method: 'POST', url: 'http://t/pos/charge', headers: [], body: '{}' });
  });

  it('an answer the transport cut at the answer budget says that budget', () => {
    // Act
    const exchange = recordExchange('http://t', wire, answer(Buffer.alloc(4 * 1024 * 1024, 0x62), true));
    // Assert
    expect(exchange.response).toMatchObject({ truncated: true, overBudget: true, bytes: 4 * 1024 * 1024 });
    expect(cutNote(exchange.response!)).toBe('answer larger than 4 MiB (the answer budget): truncated; first 16 KiB shown');
  });

  it('an answer cut at once for its Content-Length says the length it announced', () => {
    // Act
    const exchange = recordExchange('http://t', wire, { ...answer(Buffer.alloc(64 * 1024, 0x62), true), budget: 4 * 1024 * 1024, announcedBytes: 10 * 1024 * 1024 });
    // Assert
    expect(exchange.response).toMatchObject({ truncated: true, overBudget: true, bytes: 10 * 1024 * 1024, budget: 4 * 1024 * 1024 });
    expect(cutNote(exchange.response!)).toBe('10485760 bytes announced, larger than the answer budget (4 MiB): truncated; first 16 KiB shown');
  });

  it('a state hook answer is bounded the same way', () => {
    // Act
    const exchange = recordPlainExchange('http://t/_conformance/state', {}, { status: 500, headers: {}, body: 'e'.repeat(100_000) }, 2);
    // Assert
    expect(exchange.response).toMatchObject({ truncated: true, bytes: 100_000 });
    expect(exchange.response!.body).toHaveLength(EVIDENCE_BODY_BYTES);
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

describe('toCurl with hostile text', () => {
  const roundTrip = (word: string) => require('node:child_process').execFileSync('bash', ['-c', `printf '%s' ${word}`]).toString('latin1');

  it.each([
    ['CRLF', 'POST\r\nX-Evil: 1'],
    ['quotes and backslashes', "it's \\ $(id) `id` \"x\""],
    ['control bytes and a tab', 'a\u0001b\tc\u007fd'],
  ])('quotes %s as one shell word on one line that gives back the same bytes', (_name, text) => {
    // Arrange
    const exchange = { request: { method: text, url: 'http://127.0.0.1:1/p', headers: [['X-H', text]] as Array<[string, string]>, body: text }, durationMs: 0 };
    // Act
    const curl = toCurl(exchange);
    const words = curl.split(' -H ')[1]!.split(' --data-binary ');
    // Assert
    expect(curl).not.toMatch(/[\r\n]/);
    expect(roundTrip(words[0]!)).toBe(`X-H: ${text}`);
    expect(roundTrip(words[1]!)).toBe(text);
  });

  it('leaves a usual method bare and quotes any other', () => {
    const curl = (method: string) => toCurl({ request: { method, url: 'http://127.0.0.1:1/', headers: [], body: '' }, durationMs: 0 });
    expect(curl('PATCH')).toBe("curl -sS -i -X PATCH 'http://127.0.0.1:1/'");
    expect(curl('GET /x HTTP/1.1\r\nHost: y')).toBe("curl -sS -i -X $'GET /x HTTP/1.1\\r\\nHost: y' 'http://127.0.0.1:1/'");
  });
});
