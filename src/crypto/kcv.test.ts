import { kcvMatches, keyCheckValue } from './kcv';

const hex = (text: string): Buffer => Buffer.from(text, 'hex');
/** PROFILE 1.3 reference key (Thales payShield test key in the openemv/tr31 tests). */
const REFERENCE_KEY = hex('BE19E6A07A760F10EF8E83A226B63AAD141F463FDDD4F47DB244B4023EC3CACC');

describe('keyCheckValue', () => {
  it.each<['cmac' | 'legacy', 3 | 5, string]>([
    ['cmac', 3, '0A00E3'],
    ['cmac', 5, '0A00E31EEB'],
    ['legacy', 3, 'E99CAE'],
  ])('gives the PROFILE 1.3 reference value for method %s, %i bytes', (method, bytes, expected) => {
    expect(keyCheckValue(REFERENCE_KEY, method, bytes)).toBe(expected);
  });

  it('defaults to the 3-byte CMAC method', () => {
    expect(keyCheckValue(REFERENCE_KEY)).toBe('0A00E3');
  });

  it('takes the legacy value from AES(K, 0^128) of a published key (SP 800-38B D.3: L = e568f681...)', () => {
    const key = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');

    expect(keyCheckValue(key, 'legacy', 5)).toBe('E568F68194');
  });

  it('works for an AES-128 key (RFC 4493: AES-128(K, 0) = 7df76b0c...)', () => {
    expect(keyCheckValue(hex('2b7e151628aed2a6abf7158809cf4f3c'), 'legacy')).toBe('7DF76B');
  });
});

describe('kcvMatches', () => {
  it.each(['0A00E3', '0a00e3', '0A00E31EEB', '0a00e31eeb'])('accepts %s for the reference key', (sent) => {
    expect(kcvMatches(REFERENCE_KEY, sent)).toBe(true);
  });

  it('accepts the legacy value when the legacy method is declared', () => {
    expect(kcvMatches(REFERENCE_KEY, 'E99CAE', 'legacy')).toBe(true);
  });

  it.each([
    ['the legacy value under the CMAC method', 'E99CAE'],
    ['one digit wrong', '0A00E4'],
    ['the 5-byte form wrong in its last byte', '0A00E31EEC'],
    ['4 bytes', '0A00E31E'],
    ['2 bytes', '0A00'],
    ['nothing', ''],
    ['non-hex digits', '0A00EG'],
    ['a 0x prefix', '0x0A00E3'],
    ['surrounding space', ' 0A00E3'],
  ])('rejects %s', (_label, sent) => {
    expect(kcvMatches(REFERENCE_KEY, sent)).toBe(false);
  });

  it('rejects the CMAC value when the legacy method is declared', () => {
    expect(kcvMatches(REFERENCE_KEY, '0A00E3', 'legacy')).toBe(false);
  });
});
