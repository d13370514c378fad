import { aesCbcEncryptRaw, pkcs7Pad } from './aes';
import { open, openBytes, parseEnvelope, seal, sealBytes, type Envelope } from './envelope';
import {
  EnvelopeCiphertextLengthError,
  EnvelopeError,
  EnvelopeFormatError,
  EnvelopeHexError,
  EnvelopeIvLengthError,
  EnvelopeJsonError,
  EnvelopeModeError,
  EnvelopePaddingError,
  EnvelopePlaintextError,
  type EnvelopeFailure,
} from './envelope-errors';

const hex = (text: string): Buffer => Buffer.from(text, 'hex');
/** The project test MSK and the seed request IV. */
const MSK = hex('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F');
const IV = hex('000102030405060708090A0B0C0D0E0F');
const OTHER_KEY = hex('1F1E1D1C1B1A191817161514131211100F0E0D0C0B0A09080706050403020100');

/** An envelope whose ciphertext is `blocks` encrypted as they are (no padding added). */
function rawEnvelope(blocks: Buffer): Envelope {
  return {
    format: 'TR31-DATA',
    ciphertext: aesCbcEncryptRaw(MSK, IV, blocks).toString('hex').toUpperCase(),
    initialization_vector: '000102030405060708090A0B0C0D0E0F',
    mode: 'CBC',
  };
}

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('seal', () => {
  it('writes the envelope fields with upper-case hex and the given IV', () => {
    // Arrange
    const plaintext = { charge_id: 'ch_abc123def456', status: 'cancelled' };

    // Act
    const envelope = seal(plaintext, MSK, { iv: IV });

    // Assert
    expect(Object.keys(envelope)).toEqual(['format', 'ciphertext', 'initialization_vector', 'mode']);
    expect(envelope.format).toBe('TR31-DATA');
    expect(envelope.mode).toBe('CBC');
    expect(envelope.initialization_vector).toBe('000102030405060708090A0B0C0D0E0F');
    expect(envelope.ciphertext).toMatch(/^(?:[0-9A-F]{32})+$/);
  });

  it('adds key_kcv only when one is given', () => {
    const withKcv = seal({}, MSK, { iv: IV, kcv: 'ABCD12' });
    const without = seal({}, MSK, { iv: IV });

    expect(withKcv.key_kcv).toBe('ABCD12');
    expect('key_kcv' in without).toBe(false);
  });

  it('draws a fresh IV for every envelope by default', () => {
    const first = seal({ a: 1 }, MSK);
    const second = seal({ a: 1 }, MSK);

    expect(first.initialization_vector).toMatch(/^[0-9A-F]{32}$/);
    expect(first.initialization_vector).not.toBe(second.initialization_vector);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });

  it('encrypts the compact JSON text, so the same value always gives the same bytes', () => {
    const fromValue = seal({ a: [1, 'x'] }, MSK, { iv: IV });
    const fromText = sealBytes(Buffer.from('{"a":[1,"x"]}', 'utf8'), MSK, { iv: IV });

    expect(fromValue).toEqual(fromText);
  });
});

describe('round trip', () => {
  it.each([
    ['an object', { amount: { value: '1500', currency: 'EUR' }, reason: 'customer_request' }],
    ['an empty object', {}],
    ['non-ASCII text', { memo: 'Rückerstattung – café ☕ 😀' }],
    ['an array', [1, 2, 3]],
  ])('opens a sealed JSON value to the same value: %s', (_label, value) => {
    const envelope = seal(value, MSK, { iv: IV });

    expect(open(JSON.stringify(envelope), MSK)).toEqual(value);
  });

  it.each([
    [0, 1],
    [15, 1],
    [16, 2],
    [17, 2],
    [32, 3],
  ])('opens sealed raw bytes of length %i (%i cipher blocks) to the same bytes', (length, blocks) => {
    const data = Buffer.alloc(length);
    for (let i = 0; i < length; i++) data[i] = (i * 37 + 11) & 0xff;

    const envelope = sealBytes(data, MSK, { iv: IV });
    const opened = openBytes(JSON.stringify(envelope), MSK);

    expect(envelope.ciphertext.length).toBe(blocks * 32);
    expect(opened.equals(data)).toBe(true);
  });
});

describe('open', () => {
  const plaintext = { refund_id: 'rf_xyz789abc012', status: 'approved' };
  const envelope = seal(plaintext, MSK, { iv: IV, kcv: 'ABCD12' });

  it('accepts lower-case hex', () => {
    const lower = { ...envelope, ciphertext: envelope.ciphertext.toLowerCase(), initialization_vector: envelope.initialization_vector.toLowerCase() };

    expect(open(JSON.stringify(lower), MSK)).toEqual(plaintext);
  });

  it('accepts mixed-case hex', () => {
    const ciphertext = [...envelope.ciphertext].map((ch, i) => (i % 2 === 0 ? ch.toLowerCase() : ch)).join('');

    expect(open(JSON.stringify({ ...envelope, ciphertext }), MSK)).toEqual(plaintext);
  });

  it('accepts any JSON formatting and key order of the envelope', () => {
    const { format, ciphertext, initialization_vector, mode } = envelope;
    const pretty = JSON.stringify({ mode, initialization_vector, ciphertext, format }, null, 2);

    expect(open(pretty, MSK)).toEqual(plaintext);
  });

  it('accepts the body as bytes and as an already parsed object', () => {
    expect(open(Buffer.from(JSON.stringify(envelope), 'utf8'), MSK)).toEqual(plaintext);
    expect(open({ ...envelope }, MSK)).toEqual(plaintext);
  });

  it('ignores extra fields and parseEnvelope keeps them', () => {
    const body = JSON.stringify({ ...envelope, trace: 'abc', version: 2 });

    expect(open(body, MSK)).toEqual(plaintext);
    expect(parseEnvelope(body)).toEqual({ ...envelope, trace: 'abc', version: 2 });
  });
});

describe('malformed envelopes', () => {
  const good = seal({ amount: { value: '1500', currency: 'EUR' } }, MSK, { iv: IV });
  const withField = (field: string, value: unknown): string => JSON.stringify({ ...good, [field]: value });
  const without = (field: string): string => {
    const copy: Record<string, unknown> = { ...good };
    delete copy[field];
    return JSON.stringify(copy);
  };
  const payload = (bytes: Buffer): string => JSON.stringify(rawEnvelope(pkcs7Pad(bytes)));
  const fifteen = Buffer.from('{"status":"ok"}');

  it.each<[string, string, EnvelopeFailure, abstract new (...args: never[]) => EnvelopeError, Buffer?]>([
    ['a body that is not JSON', 'not json', 'json', EnvelopeJsonError],
    ['a JSON array', '[]', 'json', EnvelopeJsonError],
    ['JSON null', 'null', 'json', EnvelopeJsonError],
    ['a lower-case format', withField('format', 'tr31-data'), 'format', EnvelopeFormatError],
    ['a missing format', without('format'), 'format', EnvelopeFormatError],
    ['a lower-case mode', withField('mode', 'cbc'), 'mode', EnvelopeModeError],
    ['a missing mode', without('mode'), 'mode', EnvelopeModeError],
    ['an IV with a non-hex digit', withField('initialization_vector', '000102030405060708090A0B0C0D0E0G'), 'hex', EnvelopeHexError],
    ['a missing IV', without('initialization_vector'), 'hex', EnvelopeHexError],
    ['a ciphertext with a non-hex digit', withField('ciphertext', `${good.ciphertext.slice(0, -1)}Z`), 'hex', EnvelopeHexError],
    ['a ciphertext that is a number', withField('ciphertext', 1234), 'hex', EnvelopeHexError],
    ['an odd-length IV', withField('initialization_vector', '000102030405060708090A0B0C0D0E0'), 'iv_length', EnvelopeIvLengthError],
    ['an IV of 15 bytes', withField('initialization_vector', '000102030405060708090A0B0C0D0E'), 'iv_length', EnvelopeIvLengthError],
    ['an empty ciphertext', withField('ciphertext', ''), 'ciphertext_length', EnvelopeCiphertextLengthError],
    ['a ciphertext of 31 hex digits', withField('ciphertext', good.ciphertext.slice(0, 31)), 'ciphertext_length', EnvelopeCiphertextLengthError],
    ['a pad byte 0x00', JSON.stringify(rawEnvelope(Buffer.concat([fifteen, Buffer.from([0x00])]))), 'padding', EnvelopePaddingError],
    ['a pad byte 0x11', JSON.stringify(rawEnvelope(Buffer.concat([fifteen, Buffer.from([0x11])]))), 'padding', EnvelopePaddingError],
    ['inconsistent pad bytes', JSON.stringify(rawEnvelope(Buffer.concat([Buffer.alloc(12, 0x20), Buffer.from([4, 4, 3, 4])]))), 'padding', EnvelopePaddingError],
    ['a plaintext that is not UTF-8', payload(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 'plaintext', EnvelopePlaintextError],
    ['a plaintext that is UTF-8 but not JSON', payload(Buffer.from('hello world')), 'plaintext', EnvelopePlaintextError],
    ['an empty plaintext', payload(Buffer.alloc(0)), 'plaintext', EnvelopePlaintextError],
  ])('rejects %s', (_label, body, kind, errorClass) => {
    // Act
    const error = caught(() => open(body, MSK));

    // Assert
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect(error).toBeInstanceOf(Error);
    expect((error as EnvelopeError).kind).toBe(kind);
    expect((error as EnvelopeError).name).toBe(errorClass.name);
  });

  it('reports an envelope sealed under another key as bad padding (this IV and plaintext)', () => {
    const foreign = JSON.stringify(sealBytes(Buffer.from('{"amount":{"value":"1500","currency":"EUR"}}'), OTHER_KEY, { iv: IV }));

    expect((caught(() => open(foreign, MSK)) as EnvelopeError).kind).toBe('padding');
  });

  it('leaves the plaintext checks to open: openBytes returns bytes that are not UTF-8', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0xfd]);

    expect(openBytes(payload(bytes), MSK).equals(bytes)).toBe(true);
  });
});

describe('key and IV sizes (PROFILE 1.3: AES-256, 16-byte IV)', () => {
  const plaintext = Buffer.from('{}');

  it.each([16, 24, 31, 33])('refuses a %i-byte MSK on seal and on open', (size) => {
    // Arrange
    const shortKey = Buffer.alloc(size, 1);
    const envelope = sealBytes(plaintext, Buffer.alloc(32, 1));
    // Act / Assert
    expect(() => sealBytes(plaintext, shortKey)).toThrow(RangeError);
    expect(() => openBytes(envelope, shortKey)).toThrow(RangeError);
  });

  it('refuses a fixed IV that is not 16 bytes', () => {
    expect(() => sealBytes(plaintext, Buffer.alloc(32, 1), { iv: Buffer.alloc(15) })).toThrow(RangeError);
  });
});
