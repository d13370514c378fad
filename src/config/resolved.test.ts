import { referenceTarget } from '../run/resolve-target';
import { secretBytesOf, secretsOf, targetIdentity, type ResolvedTarget } from './resolved';

const settingsOf = <T>(target: ResolvedTarget) => target.settings as T;

describe('secretsOf and targetIdentity, through each profile', () => {
  it('a POS target: the secret and the MSK (hex, either case, and bytes) are secrets; terminal id, key id and KCV method say who', () => {
    // Arrange
    const target = referenceTarget('http://127.0.0.1:1', undefined, false, 'viopay-pos');
    const { hmacSecret, msk } = settingsOf<{ hmacSecret: string; msk: Buffer }>(target);
    // Act
    const secrets = secretsOf(target);
    const identity = targetIdentity(target);
    // Assert
    expect(secrets).toEqual(expect.arrayContaining([hmacSecret, msk.toString('hex'), msk.toString('hex').toUpperCase()]));
    expect(secretBytesOf(target)).toEqual([msk]);
    expect(identity).toMatchObject({ terminalId: 'TERM-001', keyId: 'hmac-key-2025-01', kcvMethod: 'cmac' });
    expect(JSON.stringify(identity)).not.toContain(hmacSecret);
  });

  it('a VPWS target: both dealer tokens are secrets, and appear nowhere in its identity', () => {
    const target = referenceTarget('http://127.0.0.1:1', undefined, false, 'vpws');
    const { tokens } = settingsOf<{ tokens: { dealer_a: string; dealer_b: string } }>(target);
    expect(secretsOf(target)).toEqual(expect.arrayContaining([tokens.dealer_a, tokens.dealer_b]));
    expect(JSON.stringify(targetIdentity(target))).not.toMatch(new RegExp(`${tokens.dealer_a}|${tokens.dealer_b}`));
  });

  it('a Viva target: the merchant key and the AADE private key are secrets', () => {
    const base = referenceTarget('http://127.0.0.1:1', undefined, false, 'viva-interapp');
    const target = { ...base, settings: { ...settingsOf<object>(base), aadePrivateKeyPem: '-----BEGIN PRIVATE KEY-----x' } };
    expect(secretsOf(target)).toEqual(expect.arrayContaining(['paycert-test-merchant-key', '-----BEGIN PRIVATE KEY-----x']));
    expect(JSON.stringify(targetIdentity(target))).not.toContain('BEGIN');
  });

  it('the config hash is the same without the secrets changing it, and another for another URL or public setting', () => {
    // Arrange
    const target = { ...referenceTarget('http://127.0.0.1:1', undefined, false, 'vpws'), source: 'lab/vpws.yaml' };
    const otherTokens = { ...target, settings: { tokens: { dealer_a: 'other-a', dealer_b: 'other-b' } } };
    const otherUrl = { ...target, baseUrl: 'http://127.0.0.1:2' };
    const pos = { ...referenceTarget('http://127.0.0.1:1', undefined, false, 'viopay-pos'), source: 'lab/pos.yaml' };
    const otherKeyId = { ...pos, settings: { ...settingsOf<object>(pos), keyId: 'hmac-key-2026' } };
    // Act
    const hash = (t: ResolvedTarget) => targetIdentity(t).configHash;
    // Assert
    expect(hash(otherTokens)).toBe(hash(target));
    expect(hash(otherUrl)).not.toBe(hash(target));
    expect(hash(otherKeyId)).not.toBe(hash(pos));
    expect(targetIdentity(target).configPath).toBe('lab/vpws.yaml');
  });
});
