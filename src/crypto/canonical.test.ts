import { canonicalBytes, canonicalString, splitTarget, type CanonicalParts } from './canonical';

const cancelParts: CanonicalParts = {
  method: 'POST',
  path: '/pos/charge/ch_abc123def456/cancel',
  query: '',
  body: '',
  terminalId: 'TERM-001',
  timestamp: '2025-12-13T14:25:30Z',
  nonce: 'a1b2c3d4e5f6',
};

describe('canonicalString', () => {
  it('joins the seven parts with newlines and no trailing newline', () => {
    // Arrange: the seed cancel request (no query, no body)
    const parts = cancelParts;

    // Act
    const canonical = canonicalString(parts);

    // Assert: the seed's own formula "POST\n{path}\n\n\n{terminal_id}\n{timestamp}\n{nonce}"
    expect(canonical).toBe('POST\n/pos/charge/ch_abc123def456/cancel\n\n\nTERM-001\n2025-12-13T14:25:30Z\na1b2c3d4e5f6');
  });

  it('puts the query between path and body, without the "?"', () => {
    const parts: CanonicalParts = { ...cancelParts, path: '/p', query: 'a=1&b=%20', body: '{}' };

    const canonical = canonicalString(parts);

    expect(canonical).toBe('POST\n/p\na=1&b=%20\n{}\nTERM-001\n2025-12-13T14:25:30Z\na1b2c3d4e5f6');
  });

  it('keeps the body exactly as given, whitespace and newlines included', () => {
    const parts: CanonicalParts = { ...cancelParts, path: '/p', body: '{\n  "a": 1\n}\n' };

    const canonical = canonicalString(parts);

    expect(canonical).toBe('POST\n/p\n\n{\n  "a": 1\n}\n\nTERM-001\n2025-12-13T14:25:30Z\na1b2c3d4e5f6');
  });
});

describe('canonicalBytes', () => {
  it('encodes text parts as UTF-8', () => {
    const parts: CanonicalParts = { method: 'POST', path: '/p', query: '', body: '', terminalId: 'Ü', timestamp: 't', nonce: 'n' };

    const bytes = canonicalBytes(parts);

    // "POST\n/p\n\n\n", then U+00DC as C3 9C, then "\nt\nn"
    expect(bytes.toString('hex')).toBe('504f53540a2f700a0a0a' + 'c39c' + '0a740a6e');
  });

  it('gives the same bytes for a string body and its UTF-8 bytes', () => {
    const text = '{"memo":"café ☕"}';

    const fromString = canonicalBytes({ ...cancelParts, body: text });
    const fromBytes = canonicalBytes({ ...cancelParts, body: Buffer.from(text, 'utf8') });

    expect(fromBytes.equals(fromString)).toBe(true);
  });

  it('keeps a body byte that is not UTF-8 verbatim', () => {
    const body = Uint8Array.from([0x7b, 0xff, 0x7d]);

    const bytes = canonicalBytes({ method: 'M', path: '/', query: '', body, terminalId: 'T', timestamp: 'S', nonce: 'N' });

    expect(bytes.toString('hex')).toBe('4d0a2f0a0a7bff7d0a540a530a4e');
  });
});

describe('splitTarget', () => {
  it.each([
    ['/pos/charge', { path: '/pos/charge', query: '' }],
    ['/pos/charge?', { path: '/pos/charge', query: '' }],
    ['/pos/charge?a=1&b=2', { path: '/pos/charge', query: 'a=1&b=2' }],
    ['/pos/charge?a=1?b', { path: '/pos/charge', query: 'a=1?b' }],
    ['/pos/charge?q=%3F', { path: '/pos/charge', query: 'q=%3F' }],
  ])('splits %s', (target, expected) => {
    expect(splitTarget(target)).toEqual(expected);
  });
});
