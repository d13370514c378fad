import { generateKeyPairSync, sign } from 'node:crypto';
import { aadeSignatureData, decodeSignature, readProviderKey, readProviderPrivateKey, signAadeData, signatureDataProblem, verifyAadeSignature } from './aade';

const SEED_DATA = 'AD33729F4ED749928AAFA00B90EE4EA91551BAC1;;20231204080313;1051;10000;2400;12400;POS_1';

describe('signatureDataProblem', () => {
  it('accepts the seed sample, whose second field (MARK) is empty', () => {
    expect(signatureDataProblem(SEED_DATA)).toBeUndefined();
  });

  it('names a wrong field count and an empty field other than MARK', () => {
    expect(signatureDataProblem('a;b;c')).toMatch(/has 3 fields/);
    expect(signatureDataProblem(';;20231204080313;1051;10000;2400;12400;POS_1')).toMatch(/empty receipt UID/);
  });
});

describe('AADE signature', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const key = readProviderKey(publicKey.export({ type: 'spki', format: 'pem' }).toString());

  it.each(['ieee-p1363', 'der'] as const)('verifies a %s signature of the data and refuses it over other data', (dsaEncoding) => {
    // Arrange
    const signature = sign('sha256', Buffer.from(SEED_DATA), { key: privateKey, dsaEncoding });
    const decoded = decodeSignature(signature.toString('base64'))!;
    // Act / Assert
    expect(verifyAadeSignature(SEED_DATA, decoded, key)).toBe(true);
    expect(verifyAadeSignature(SEED_DATA.replace('1051', '1052'), decoded, key)).toBe(false);
  });

  it("decodes the seed's 64-byte sample and refuses text that is not base64", () => {
    expect(decodeSignature('o0094r3Yk3KTqASLkW3evlDsnIg/ZAdUUf6UCXDtjqpI/dquzAT4WNX3yzS/GLciVNbT75H4pj8hLOV0EpHtzw==')?.length).toBe(64);
    expect(decodeSignature('o0094r3Y k3KTq==')).toBeUndefined();
    expect(decodeSignature('')).toBeUndefined();
  });

  it('refuses a key that is not EC P-256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => readProviderKey(rsa)).toThrow(/not an EC P-256/);
  });

  it('signs in the form the seed shows (64 raw bytes, base64), and the signature verifies', () => {
    // Arrange
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const data = aadeSignatureData('AD33729F4ED749928AAFA00B90EE4EA91551BAC1', new Date(Date.UTC(2023, 11, 4, 8, 3, 13)), 12400, 'POS_1');
    // Act
    const signature = signAadeData(data, readProviderPrivateKey(pem));
    // Assert
    expect(data).toBe('AD33729F4ED749928AAFA00B90EE4EA91551BAC1;;20231204080313;12400;10000;2400;12400;POS_1');
    expect(signatureDataProblem(data)).toBeUndefined();
    expect(decodeSignature(signature)?.length).toBe(64);
    expect(verifyAadeSignature(data, decodeSignature(signature)!, key)).toBe(true);
  });

  it('refuses a private key that is not EC P-256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => readProviderPrivateKey(rsa)).toThrow(/not an EC P-256 private key/);
  });
});
