import { createPublicKey } from 'node:crypto';
import { decodeSignature, readProviderPrivateKey, signatureDataProblem, verifyAadeSignature } from './protocol/aade';
import { makeProviderKeys } from './terminal/provider-key';
import { AADE_MODES, aadeFieldsFor, type AadeMode } from './client-aade';

const KEYS = makeProviderKeys();
const SIGNER = { providerId: '999', key: readProviderPrivateKey(KEYS.privatePem) };
const PUBLIC = createPublicKey(KEYS.privatePem);

/** Does `signature` (as a lenient decoder reads it: Node's Buffer.from skips junk and takes base64url) verify over `data`? */
const verifiesLeniently = (data: string, signature: string) => verifyAadeSignature(data, Buffer.from(signature, 'base64'), PUBLIC);

describe('aadeFieldsFor', () => {
  it('signs the seed-shaped data of the amount with the provider key', () => {
    // Act
    const fields = aadeFieldsFor('signed', '1240', SIGNER);
    // Assert
    expect(fields.aadeProviderId).toBe('999');
    expect(signatureDataProblem(fields.aadeProviderSignatureData!)).toBeUndefined();
    expect(fields.aadeProviderSignatureData!.split(';')[3]).toBe('1240');
    expect(verifyAadeSignature(fields.aadeProviderSignatureData!, decodeSignature(fields.aadeProviderSignature!)!, PUBLIC)).toBe(true);
  });

  it.each([
    ['data-7-fields', 7],
    ['data-9-fields', 9],
    ['data-trailing-separator', 9],
    ['data-empty-field', 8],
  ] as const)('%s: signature data of %i fields that breaks the format, validly signed over what is sent', (mode, count) => {
    // Act
    const fields = aadeFieldsFor(mode, '700', SIGNER);
    // Assert
    const data = fields.aadeProviderSignatureData!;
    expect(data.split(';')).toHaveLength(count);
    expect(signatureDataProblem(data)).toBeDefined();
    expect(verifyAadeSignature(data, decodeSignature(fields.aadeProviderSignature!)!, PUBLIC)).toBe(true);
  });

  it.each(['signature-junk', 'signature-url-safe'] as const)('%s: a signature that is not base64, yet verifies to a lenient decoder', (mode) => {
    // Act
    const fields = aadeFieldsFor(mode, '700', SIGNER);
    // Assert
    const signature = fields.aadeProviderSignature!;
    expect(decodeSignature(signature)).toBeUndefined();
    expect(signatureDataProblem(fields.aadeProviderSignatureData!)).toBeUndefined();
    expect(verifiesLeniently(fields.aadeProviderSignatureData!, signature)).toBe(true);
  });

  it('writes the URL-safe signature with - or _ and never + or /', () => {
    for (let i = 0; i < 20; i++) {
      const signature = aadeFieldsFor('signature-url-safe', '1', SIGNER).aadeProviderSignature!;
      expect(signature).toMatch(/[-_]/);
      expect(signature).not.toMatch(/[+/]/);
    }
  });

  it('bad-signature: well-formed base64 of 64 bytes over well-formed data, that does not verify', () => {
    // Act
    const fields = aadeFieldsFor('bad-signature', '700', SIGNER);
    // Assert
    expect(decodeSignature(fields.aadeProviderSignature!)).toHaveLength(64);
    expect(signatureDataProblem(fields.aadeProviderSignatureData!)).toBeUndefined();
    expect(verifyAadeSignature(fields.aadeProviderSignatureData!, decodeSignature(fields.aadeProviderSignature!)!, PUBLIC)).toBe(false);
  });

  it('has a case for every mode', () => {
    const covered: AadeMode[] = ['signed', 'bad-signature', 'data-7-fields', 'data-9-fields', 'data-trailing-separator', 'data-empty-field', 'signature-junk', 'signature-url-safe'];
    expect([...AADE_MODES].sort()).toEqual(covered.sort());
  });
});
