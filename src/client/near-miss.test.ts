import { canonicalBytes, type CanonicalParts } from '../crypto/canonical';
import { hmacSha256, sign, verifySignature } from '../crypto/signature';
import { buildRequest } from './build';
import type { PosCredentials } from './credentials';
import { nearMissCanonical, nearMissSignature, nearMissText, type NearMiss } from './near-miss';

const PARTS: CanonicalParts = { method: 'POST', path: '/pos/charge', query: '', body: '{"a":1}', terminalId: 'TERM-001', timestamp: '2025-12-13T14:25:30Z', nonce: 'a1b2c3d4e5f6' };
const CREDS: PosCredentials = { baseUrl: 'http://127.0.0.1:1', terminalId: 'TERM-001', keyId: 'hmac-key-2025-01', hmacSecret: 'secret', msk: Buffer.alloc(32, 7), kcvMethod: 'cmac', userAgent: 'Viopay-POS/1.4.2 (Android 12; PAX-A920)' };
const miss = (element: NearMiss['element'], kind: NearMiss['kind'], extra: Partial<NearMiss> = {}): NearMiss => ({ element, kind, ...extra });
const headerOf = (headers: Array<[string, string]>, name: string) => headers.find(([n]) => n === name)?.[1];

describe('nearMissText', () => {
  it.each<[NearMiss, string | undefined]>([
    [miss('X-Client-Type', 'removed'), undefined],
    [miss('X-Client-Type', 'empty'), ''],
    [miss('X-Client-Type', 'upper-case'), 'POS'],
    [miss('X-Client-Type', 'capitalised'), 'Pos'],
    [miss('X-Client-Type', 'prefixed', { text: 'x' }), 'xpos'],
    [miss('X-Client-Type', 'suffixed', { text: '2' }), 'pos2'],
    [miss('X-Client-Type', 'truncated'), 'po'],
    [miss('X-Client-Type', 'inserted', { text: ' ', count: 1 }), 'p os'],
    [miss('X-Client-Type', 'inserted', { text: '!', count: -1 }), 'po!s'],
    [miss('X-Client-Type', 'padded', { text: '\t' }), '\tpos\t'],
    [miss('X-Client-Type', 'replaced', { text: 'pad' }), 'pad'],
  ])('%j turns "pos" into %j', (given, expected) => {
    expect(nearMissText('pos', given)).toBe(expected);
  });

  it('re-renders a timestamp as the same instant in another form, or as another instant', () => {
    const at = '2025-12-13T14:25:30Z';
    expect(nearMissText(at, miss('X-Timestamp', 'rendered', { text: 'no-zone' }))).toBe('2025-12-13T14:25:30');
    expect(nearMissText(at, miss('X-Timestamp', 'rendered', { text: 'offset' }))).toBe('2025-12-13T16:25:30+02:00');
    expect(nearMissText(at, miss('X-Timestamp', 'rendered', { text: 'offset-ignored-plus' }))).toBe('2025-12-13T14:25:30+05:00');
    expect(nearMissText(at, miss('X-Timestamp', 'rendered', { text: 'basic-offset' }))).toBe('2025-12-13T14:25:30+0000');
    expect(nearMissText(at, miss('X-Timestamp', 'rendered', { text: 'http-date' }))).toBe('Sat, 13 Dec 2025 14:25:30 GMT');
  });

  it('reorders and decodes a query, trims and re-serialises a body', () => {
    expect(nearMissText('x=1&ref=a%20b', miss('query', 'reordered'))).toBe('ref=a%20b&x=1');
    expect(nearMissText('x=1&ref=a%20b', miss('query', 'decoded'))).toBe('x=1&ref=a b');
    expect(nearMissText(' {"a": 1}\n', miss('body', 'trimmed'))).toBe('{"a": 1}');
    expect(nearMissText('{ "a": 1 }', miss('body', 'reserialised'))).toBe('{"a":1}');
  });
});

describe('nearMissSignature', () => {
  const mac = hmacSha256('secret', canonicalBytes(PARTS));
  const valid = sign(PARTS, 'secret');

  it('spells the MAC otherwise: base64url, hex, with bytes added or cut, behind another prefix', () => {
    expect(nearMissSignature(mac, valid, miss('X-Signature', 'base64url'))).toBe(`v1=${mac.toString('base64url')}=`);
    expect(nearMissSignature(mac, valid, miss('X-Signature', 'hex'))).toBe(`v1=${mac.toString('hex')}`);
    expect(Buffer.from(nearMissSignature(mac, valid, miss('X-Signature', 'mac-length', { count: 4 }))!.slice(3), 'base64')).toHaveLength(36);
    expect(Buffer.from(nearMissSignature(mac, valid, miss('X-Signature', 'mac-length', { count: -16 }))!.slice(3), 'base64')).toEqual(mac.subarray(0, 16));
    expect(nearMissSignature(mac, valid, miss('X-Signature', 'prefix', { text: 'V1=' }))).toBe(`V1=${valid.slice(3)}`);
    expect(nearMissSignature(mac, valid, miss('X-Signature', 'suffixed', { text: 'A' }))).toBe(`${valid}A`);
  });
});

describe('nearMissCanonical', () => {
  it('leaves an element out, swaps two, joins otherwise, or adds a trailing newline', () => {
    const text = (m: NearMiss) => nearMissCanonical(PARTS, m).toString('utf8');
    expect(text(miss('query', 'removed', { in: 'signed' }))).toBe('POST\n/pos/charge\n{"a":1}\nTERM-001\n2025-12-13T14:25:30Z\na1b2c3d4e5f6');
    expect(text(miss('canonical', 'swapped', { text: 'terminalId,nonce' }))).toBe('POST\n/pos/charge\n\n{"a":1}\na1b2c3d4e5f6\n2025-12-13T14:25:30Z\nTERM-001');
    expect(text(miss('canonical', 'separator', { text: '\r\n' }))).toBe('POST\r\n/pos/charge\r\n\r\n{"a":1}\r\nTERM-001\r\n2025-12-13T14:25:30Z\r\na1b2c3d4e5f6');
    expect(text(miss('canonical', 'suffixed', { text: '\n' }))).toBe(`${Buffer.from(canonicalBytes(PARTS)).toString('utf8')}\n`);
  });
});

describe('buildRequest with a near miss', () => {
  const spec = { method: 'POST', path: '/pos/charge', plaintext: { amount: { value: '1', currency: 'EUR' }, terminal: { id: 'TERM-001' } } };
  const sent = (headers: Array<[string, string]>, body: Buffer, over: Partial<CanonicalParts> = {}): CanonicalParts => ({
    method: 'POST',
    path: '/pos/charge',
    query: '',
    body,
    terminalId: headerOf(headers, 'X-Terminal-Id')!,
    timestamp: headerOf(headers, 'X-Timestamp')!,
    nonce: headerOf(headers, 'X-Nonce')!,
    ...over,
  });

  it('both (default): the value is sent and signed as changed, so the signature verifies', () => {
    // Act
    const wire = buildRequest(spec, CREDS, { nearMiss: miss('X-Nonce', 'upper-case') }, Date.parse('2025-12-13T14:25:30Z'));
    // Assert
    const nonce = headerOf(wire.headers, 'X-Nonce')!;
    expect(nonce).toBe(nonce.toUpperCase());
    expect(() => verifySignature(headerOf(wire.headers, 'X-Signature'), sent(wire.headers, wire.body), 'secret')).not.toThrow();
  });

  it('sent: only the wire changes, so the signature covers the value before the change', () => {
    // Act
    const wire = buildRequest(spec, CREDS, { nearMiss: miss('X-Timestamp', 'rendered', { text: 'fraction', in: 'sent' }) }, Date.parse('2025-12-13T14:25:30Z'));
    // Assert
    expect(headerOf(wire.headers, 'X-Timestamp')).toBe('2025-12-13T14:25:30.001Z');
    expect(() => verifySignature(headerOf(wire.headers, 'X-Signature'), sent(wire.headers, wire.body, { timestamp: '2025-12-13T14:25:30Z' }), 'secret')).not.toThrow();
  });

  it('signed: the wire keeps the value, the signature covers the change', () => {
    // Act
    const wire = buildRequest(spec, CREDS, { nearMiss: miss('method', 'lower-case', { in: 'signed' }) });
    // Assert
    expect(wire.method).toBe('POST');
    expect(() => verifySignature(headerOf(wire.headers, 'X-Signature'), sent(wire.headers, wire.body, { method: 'post' }), 'secret')).not.toThrow();
  });

  it('removed leaves a header out; an X-Terminal-Id near miss is carried into the charge body', () => {
    // Act
    const withoutType = buildRequest(spec, CREDS, { nearMiss: miss('X-Client-Type', 'removed') });
    const otherTerminal = buildRequest(spec, CREDS, { nearMiss: miss('X-Terminal-Id', 'suffixed', { text: 'X' }) });
    // Assert
    expect(headerOf(withoutType.headers, 'X-Client-Type')).toBeUndefined();
    expect(headerOf(otherTerminal.headers, 'X-Terminal-Id')).toBe('TERM-001X');
    expect((otherTerminal.plaintext as { terminal: { id: string } }).terminal.id).toBe('TERM-001X');
  });

  it('changes an envelope field before the body is written and signed', () => {
    // Act
    const wire = buildRequest(spec, CREDS, { nearMiss: miss('envelope.initialization_vector', 'suffixed', { text: 'zz' }) });
    // Assert
    expect(JSON.parse(wire.body.toString('utf8')).initialization_vector).toMatch(/^[0-9A-F]{32}zz$/);
    expect(() => verifySignature(headerOf(wire.headers, 'X-Signature'), sent(wire.headers, wire.body), 'secret')).not.toThrow();
  });

  it('a base64url near miss always differs from the standard spelling', () => {
    for (let i = 0; i < 20; i++) {
      const value = headerOf(buildRequest(spec, CREDS, { nearMiss: miss('X-Signature', 'base64url', { in: 'sent' }) }).headers, 'X-Signature')!;
      expect(value).toMatch(/[-_]/);
    }
  });
});
