import type { CanonicalParts } from './canonical';
import { formatSignature, hmacSha256, parseSignature, sign, SignatureError, verifySignature, type SignatureFailure } from './signature';

const SECRET = 'your-hmac-secret';
const cancelParts: CanonicalParts = {
  method: 'POST',
  path: '/pos/charge/ch_abc123def456/cancel',
  query: '',
  body: '',
  terminalId: 'TERM-001',
  timestamp: '2025-12-13T14:25:30Z',
  nonce: 'a1b2c3d4e5f6',
};
/** The seed cancel request signed with the seed secret (cross-checked with Python's hmac module). */
const CANCEL_SIGNATURE = 'v1=wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg=';

function failureOf(action: () => unknown): SignatureFailure | 'none' | 'other' {
  try {
    action();
    return 'none';
  } catch (error) {
    return error instanceof SignatureError ? error.kind : 'other';
  }
}

describe('hmacSha256', () => {
  it('takes string key and message as UTF-8 (RFC 4231 test case 2)', () => {
    const mac = hmacSha256('Jefe', 'what do ya want for nothing?');

    expect(mac.toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('formatSignature', () => {
  it('writes v1= and padded standard base64', () => {
    const header = formatSignature(Buffer.alloc(32, 0xff));

    expect(header).toBe('v1=//////////////////////////////////////////8=');
  });
});

describe('sign', () => {
  it('signs the seed cancel request', () => {
    const header = sign(cancelParts, SECRET);

    expect(header).toBe(CANCEL_SIGNATURE);
  });
});

describe('parseSignature', () => {
  it('returns the 32 MAC bytes of a valid header', () => {
    const mac = parseSignature(CANCEL_SIGNATURE);

    expect(mac.toString('base64')).toBe('wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg=');
  });

  it.each<[string, string | undefined, SignatureFailure]>([
    ['absent', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['another version', 'v2=wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg=', 'scheme'],
    ['an upper-case prefix', 'V1=wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg=', 'scheme'],
    ['no prefix', 'wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg=', 'scheme'],
    ['a space after the prefix', 'v1= wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg=', 'base64'],
    ['unpadded base64', 'v1=wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg', 'base64'],
    ['the URL-safe alphabet', 'v1=wKhTU-Ftfqy_rFDNatiLoP00_SPWuaHJkwccyDU4uqg=', 'base64'],
    ['hex instead of base64', `v1=${'c0a8'.repeat(16)}`, 'length'],
    ['a character outside base64', 'v1=wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uq!=', 'base64'],
    ['too much padding', 'v1=wKhTU+Ftfqy/rFDNatiLoP00/SPWuaHJkwccyDU4uqg==', 'base64'],
    ['nothing after the prefix', 'v1=', 'length'],
    ['31 bytes', `v1=${Buffer.alloc(31).toString('base64')}`, 'length'],
    ['33 bytes', `v1=${Buffer.alloc(33).toString('base64')}`, 'length'],
    ['64 bytes (an HMAC-SHA512)', `v1=${Buffer.alloc(64).toString('base64')}`, 'length'],
  ])('rejects %s', (_label, header, kind) => {
    expect(failureOf(() => parseSignature(header))).toBe(kind);
  });
});

describe('verifySignature', () => {
  it('accepts the right signature', () => {
    expect(failureOf(() => verifySignature(CANCEL_SIGNATURE, cancelParts, SECRET))).toBe('none');
  });

  it('rejects a signature over other parts as a mismatch', () => {
    const other: CanonicalParts = { ...cancelParts, nonce: 'a1b2c3d4e5f7' };

    expect(failureOf(() => verifySignature(CANCEL_SIGNATURE, other, SECRET))).toBe('mismatch');
  });

  it('rejects the right signature under another secret as a mismatch', () => {
    expect(failureOf(() => verifySignature(CANCEL_SIGNATURE, cancelParts, 'another-secret'))).toBe('mismatch');
  });

  it('rejects a well-formed header of zero bytes as a mismatch', () => {
    expect(failureOf(() => verifySignature(formatSignature(Buffer.alloc(32)), cancelParts, SECRET))).toBe('mismatch');
  });

  it('reports a malformed header by its kind before comparing', () => {
    expect(failureOf(() => verifySignature('v1=abc', cancelParts, SECRET))).toBe('base64');
  });

  it('throws a SignatureError named so', () => {
    let caught: unknown;
    try {
      verifySignature(undefined, cancelParts, SECRET);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: 'SignatureError', kind: 'missing' });
  });
});

describe('parseSignature: one spelling per MAC', () => {
  it('refuses base64 whose unused low bits are set (the same bytes, another spelling)', () => {
    // Arrange: 32 bytes encode to 43 characters and "="; the last character carries 2 unused bits.
    const canonical = formatSignature(Buffer.alloc(32, 0xab));
    const last = canonical.at(-2)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sibling = alphabet[alphabet.indexOf(last) + 1]!;
    const variant = `${canonical.slice(0, -2)}${sibling}=`;
    // Act / Assert
    expect(parseSignature(canonical)).toEqual(Buffer.alloc(32, 0xab));
    expect(() => parseSignature(variant)).toThrow(expect.objectContaining({ kind: 'base64' }));
  });
});
