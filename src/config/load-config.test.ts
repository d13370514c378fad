import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, UserErrors } from '../core/errors';
import { parseTargetConfig } from './load-config';
import { secretsOf } from './resolved';
import { tempDir } from '../testing/temp-dir';

const MSK = '000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F';
const GOOD = `profile: viopay-pos
base_url: http://127.0.0.1:8080/
terminal_id: TERM-001
key_id: hmac-key-2025-01
hmac_secret: \${VIOPAY_HMAC_SECRET}
msk: ${MSK}
state_url: http://127.0.0.1:8080/_conformance/state
cards:
  pending: "4000000000000051"
`;

function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.oneLine());
    if (error instanceof UserError) return [error.oneLine()];
    throw error;
  }
  return [];
}

describe('parseTargetConfig', () => {
  it('resolves PROFILE section 4 with ${ENV} expansion and defaults', () => {
    const target = parseTargetConfig('t.yaml', GOOD, { VIOPAY_HMAC_SECRET: 's3cret' });
    expect(target).toMatchObject({
      profile: 'viopay-pos',
      baseUrl: 'http://127.0.0.1:8080',
      settings: { hmacSecret: 's3cret', kcvMethod: 'cmac' },
      stateUrl: 'http://127.0.0.1:8080/_conformance/state',
      cards: { approved: '4111111111111111', declined: '4000000000000002', pending: '4000000000000051' },
    });
    expect((target.settings as { msk: Buffer }).msk.toString('hex').toUpperCase()).toBe(MSK);
    expect(secretsOf(target)).toContain('s3cret');
  });

  it('names the unset environment variable at its line', () => {
    expect(messages(() => parseTargetConfig('t.yaml', GOOD, {}))).toEqual([
      't.yaml:5:14: environment variable VIOPAY_HMAC_SECRET is not set (export VIOPAY_HMAC_SECRET=...)',
    ]);
  });

  it('names a bad field, says the fix, and never echoes the value', () => {
    const text = GOOD.replace(MSK, 'ABCD');
    const [message] = messages(() => parseTargetConfig('t.yaml', text, { VIOPAY_HMAC_SECRET: 'x' }));
    expect(message).toBe('t.yaml:6:6: msk: must be 64 hex digits (the 32-byte AES-256 MSK)');
  });

  it('suggests the field meant for a misspelt one', () => {
    const text = GOOD.replace('kcv_method', 'x').replace('state_url', 'stat_url');
    expect(messages(() => parseTargetConfig('t.yaml', text, { VIOPAY_HMAC_SECRET: 'x' }))).toEqual([
      't.yaml:7:1: stat_url: unknown field "stat_url" (did you mean "state_url"?)',
    ]);
  });

  it('lists every missing required field of viopay-pos', () => {
    const found = messages(() => parseTargetConfig('t.yaml', 'profile: viopay-pos\nbase_url: http://x\n', {}));
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('"msk" is required'), expect.stringContaining('"hmac_secret" is required')]));
  });

  it('refuses an unknown profile and a YAML syntax error with positions', () => {
    expect(messages(() => parseTargetConfig('t.yaml', 'profile: pos\nbase_url: http://x\n', {}))[0]).toMatch(/^t\.yaml:1:10: profile: must be one of "viopay-pos", "vpws", "viva-interapp"/);
    expect(messages(() => parseTargetConfig('t.yaml', 'profile: [\n', {}))[0]).toMatch(/^t\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe('parseTargetConfig, profile viva-interapp', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('needs only base_url, and fills the request settings with defaults', () => {
    const target = parseTargetConfig('t.yaml', 'profile: viva-interapp\nbase_url: http://127.0.0.1:8090\n');
    expect(target.settings).toEqual({ merchantKey: 'paycert-test-merchant-key', appId: 'io.paycert.harness', aadeProviderId: '999' });
  });

  it('reads the AADE private key from a file relative to the config, or as PEM text, and counts it and the merchantKey as secrets', () => {
    // Arrange
    const dir = tempDir('paycert-config-');
    writeFileSync(join(dir, 'provider.pem'), pem);
    const text = (key: string) => `profile: viva-interapp\nbase_url: http://127.0.0.1:8090\nviva:\n  merchant_key: \${MK}\n  aade_private_key: ${key}\n`;
    // Act
    const fromFile = parseTargetConfig(join(dir, 't.yaml'), text('provider.pem'), { MK: 'mk-1' });
    const fromEnv = parseTargetConfig(join(dir, 't.yaml'), text('${PEM}'), { MK: 'mk-1', PEM: pem });
    // Assert
    expect(fromFile.settings).toMatchObject({ aadePrivateKeyPem: pem });
    expect(fromEnv.settings).toMatchObject({ aadePrivateKeyPem: pem });
    expect(secretsOf(fromFile)).toEqual(expect.arrayContaining(['mk-1', pem]));
  });

  it('names the field when the key file is missing or is not an EC P-256 private key, never printing the key', () => {
    // Arrange
    const dir = tempDir('paycert-config-');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(join(dir, 'rsa.pem'), rsa);
    const text = (key: string) => `profile: viva-interapp\nbase_url: http://127.0.0.1:8090\nviva:\n  aade_private_key: ${key}\n`;
    // Act
    const missing = messages(() => parseTargetConfig(join(dir, 't.yaml'), text('nope.pem')));
    const wrong = messages(() => parseTargetConfig(join(dir, 't.yaml'), text('rsa.pem')));
    // Assert
    expect(missing).toEqual([expect.stringMatching(/t\.yaml:4:21: viva\.aade_private_key: cannot read the file "nope\.pem": ENOENT \(give the path of a PEM file/)]);
    expect(wrong).toEqual([expect.stringMatching(/t\.yaml:4:21: viva\.aade_private_key: not an EC P-256 private key in PEM/)]);
    expect(wrong[0]).not.toContain('PRIVATE KEY');
  });
});

describe('parseTargetConfig, hostile input (issue 14)', () => {
  it('refuses a base_url or state_url no request can go to, at its line', () => {
    const text = GOOD.replace('http://127.0.0.1:8080/\n', 'http://127.0.0.1:99999/\n').replace('http://127.0.0.1:8080/_conformance', 'http://:8080/_conformance');
    expect(messages(() => parseTargetConfig('t.yaml', text, { VIOPAY_HMAC_SECRET: 'x' }))).toEqual([
      't.yaml:2:11: base_url: the URL has the port "99999": a port is a number from 1 to 65535 (e.g. http://127.0.0.1:8080)',
      't.yaml:7:12: state_url: the URL has no host (e.g. http://127.0.0.1:8080)',
    ]);
  });

  it('refuses an environment reference that is not one instead of sending it as a literal secret', () => {
    const text = GOOD.replace('${VIOPAY_HMAC_SECRET}', '${VIOPAY_HMAC_SECRET');
    expect(messages(() => parseTargetConfig('t.yaml', text, { VIOPAY_HMAC_SECRET: 'x' }))).toEqual([
      't.yaml:5:14: "${VIOPAY_HMAC_SECRET" is not an environment reference (write ${NAME}, NAME of letters, digits and _)',
    ]);
  });
});
