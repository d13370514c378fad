import { aesCbcDecryptRaw, aesCbcEncryptRaw, aesEcbEncryptRaw, pkcs7Pad, pkcs7Unpad } from './aes';

const hex = (text: string): Buffer => Buffer.from(text, 'hex');
const bytes = (...values: number[]): Buffer => Buffer.from(values);

describe('pkcs7Pad', () => {
  it.each([
    [0, 16, 0x10],
    [1, 16, 0x0f],
    [15, 16, 0x01],
    [16, 32, 0x10],
    [17, 32, 0x0f],
    [32, 48, 0x10],
  ])('pads %i bytes to %i with bytes of value %i', (length, paddedLength, padByte) => {
    // Arrange
    const data = Buffer.alloc(length, 0x41);

    // Act
    const padded = pkcs7Pad(data);

    // Assert
    expect(padded.length).toBe(paddedLength);
    expect(padded.subarray(0, length).equals(data)).toBe(true);
    expect([...padded.subarray(length)]).toEqual(new Array(paddedLength - length).fill(padByte));
  });
});

describe('pkcs7Unpad', () => {
  it.each([0, 1, 15, 16, 17, 31, 32])('removes the padding added to %i bytes', (length) => {
    const data = Buffer.alloc(length, 0x7a);

    const unpadded = pkcs7Unpad(pkcs7Pad(data));

    expect(unpadded?.equals(data)).toBe(true);
  });

  it('accepts one pad byte of 0x01 after fifteen data bytes', () => {
    const block = Buffer.concat([Buffer.alloc(15, 0x20), bytes(0x01)]);

    expect(pkcs7Unpad(block)?.length).toBe(15);
  });

  it.each<[string, Buffer]>([
    ['no bytes at all', Buffer.alloc(0)],
    ['15 bytes (not whole blocks)', Buffer.alloc(15, 0x01)],
    ['17 bytes (not whole blocks)', Buffer.alloc(17, 0x01)],
    ['a last byte of 0x00', Buffer.concat([Buffer.alloc(15, 0x41), bytes(0x00)])],
    ['a last byte of 0x11 (more than a block)', Buffer.concat([Buffer.alloc(15, 0x11), bytes(0x11)])],
    ['a last byte of 0xFF', Buffer.alloc(16, 0xff)],
    ['a pad count larger than the data in a 2-block input', Buffer.concat([Buffer.alloc(31, 0x41), bytes(0x20)])],
    ['pad bytes that disagree (04 04 03 04)', Buffer.concat([Buffer.alloc(12, 0x41), bytes(0x04, 0x04, 0x03, 0x04)])],
    ['pad bytes that disagree at the first of 16', Buffer.concat([bytes(0x0f), Buffer.alloc(15, 0x10)])],
    ['a last byte equal to the count but earlier bytes not', Buffer.concat([Buffer.alloc(14, 0x41), bytes(0x41, 0x02)])],
  ])('returns null for %s', (_label, data) => {
    expect(pkcs7Unpad(data)).toBeNull();
  });
});

describe('AES raw primitives', () => {
  // NIST CAVP CBCGFSbox256.rsp / ECBGFSbox256.rsp, COUNT = 0
  const zeroKey = Buffer.alloc(32);
  const plaintext = hex('014730f80ac625fe84f026c60bfd547d');
  const ciphertext = hex('5c9d844ed46f9885085e5d6a4f94c7d7');

  it('encrypts one block in ECB', () => {
    expect(aesEcbEncryptRaw(zeroKey, plaintext).equals(ciphertext)).toBe(true);
  });

  it('encrypts and decrypts one block in CBC with a zero IV', () => {
    const iv = Buffer.alloc(16);

    expect(aesCbcEncryptRaw(zeroKey, iv, plaintext).equals(ciphertext)).toBe(true);
    expect(aesCbcDecryptRaw(zeroKey, iv, ciphertext).equals(plaintext)).toBe(true);
  });

  it('maps no blocks to no bytes', () => {
    expect(aesCbcEncryptRaw(zeroKey, Buffer.alloc(16), Buffer.alloc(0)).length).toBe(0);
  });

  it.each([
    ['CBC encrypt', () => aesCbcEncryptRaw(zeroKey, Buffer.alloc(16), Buffer.alloc(15))],
    ['CBC decrypt', () => aesCbcDecryptRaw(zeroKey, Buffer.alloc(16), Buffer.alloc(17))],
    ['ECB encrypt', () => aesEcbEncryptRaw(zeroKey, Buffer.alloc(1))],
  ])('%s refuses data that is not whole blocks', (_label, action) => {
    expect(action).toThrow(RangeError);
  });

  it.each([0, 8, 15, 20, 31, 33, 64])('refuses a key of %i bytes', (length) => {
    expect(() => aesEcbEncryptRaw(Buffer.alloc(length), Buffer.alloc(16))).toThrow(RangeError);
  });
});
