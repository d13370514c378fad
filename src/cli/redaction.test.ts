/**
 * Issue 13 item 1 and issue 14's echo target: no configured secret (in any encoding it could come
 * back in) and no full card number leaves paycert, in any report file or on the console, even
 * when the target reflects everything it was sent and leaks its own secrets and card numbers,
 * and when a simulator fault puts whole card numbers in its answers.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEchoTarget, type EchoTarget } from '../testing/hostile-targets';
import { leaks, outputsOf, secretForms } from '../testing/leaks';
import { paycert, servePaycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

const HMAC_SECRET = 'lab-hmac-secret-Zq7/+x';
const MSK_HEX = '8899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF0011223344556677';
const TOKENS = { dealer_a: 'tok-dealer-a-0123456789', dealer_b: 'tok-dealer-b+9876/543210' };
const MERCHANT_KEY = 'merchant key/lab?42&x';
const CARDS = { approved: '5555555555554444', declined: '5105105105105100', pending: '4000000000000051' };
/** Card numbers the specs and the simulator's book use, beyond the configured ones. */
const OTHER_PANS = ['4111111111111111', '5374890000041831'];

/** A whole suite against a target that answers everything at length: give a loaded machine room. */
const RUN_TIMEOUT_MS = 280_000;
jest.setTimeout(300_000);

function writeConfig(dir: string, text: string): string {
  const file = join(dir, 'target.yaml');
  writeFileSync(file, text);
  return file;
}

describe('no secret and no full card number leaves paycert, whatever the target echoes', () => {
  let echo: EchoTarget | undefined;
  afterEach(async () => {
    await echo?.close();
    echo = undefined;
  });

  it('viopay-pos: a config run against a target that reflects every request, decrypted, and leaks its secrets', async () => {
    // Arrange
    echo = await startEchoTarget({ msk: Buffer.from(MSK_HEX, 'hex'), leaks: [HMAC_SECRET, MSK_HEX, MSK_HEX.toLowerCase()], cards: [...Object.values(CARDS), ...OTHER_PANS] });
    const dir = tempDir();
    const config = writeConfig(
      dir,
      [
        'profile: viopay-pos',
        `base_url: ${echo.url}`,
        'terminal_id: TERM-LAB-7',
        'key_id: lab-key-1',
        `hmac_secret: "${HMAC_SECRET}"`,
        `msk: ${MSK_HEX}`,
        `state_url: ${echo.stateUrl}`,
        'cards:',
        ...Object.entries(CARDS).map(([k, v]) => `  ${k}: "${v}"`),
        '',
      ].join('\n'),
    );
    const reports = join(dir, 'reports');
    // Act
    const result = await paycert(['run', '--config', config, '--reports', reports], {}, undefined, RUN_TIMEOUT_MS);
    // Assert
    expect(result.code).toBe(1);
    const outputs = outputsOf(result, reports);
    expect(leaks(outputs, secretForms([HMAC_SECRET], MSK_HEX), [...Object.values(CARDS), ...OTHER_PANS])).toEqual([]);
    // Not vacuous: the target echoed, and what it echoed is in the reports, masked.
    expect(echo.requests()).toBeGreaterThan(400);
    const report = readFileSync(join(reports, 'report.json'), 'utf8');
    expect(report).toContain('[redacted]');
    expect(report).toContain('555555******4444');
    // The PAN sent as a JSON number (issue 13's leak) is masked where the failure shows it.
    const failure = JSON.parse(report).checks.find((c: { check: { id: string } }) => c.check.id === 'pos.charge.card-number-not-string').failure;
    expect(failure.exchange.request.plaintext.card.number).toBe('411111******1111');
  });

  it('vpws: dealer tokens reflected from the Authorization header, in clear, base64 and hex', async () => {
    // Arrange
    echo = await startEchoTarget({ leaks: Object.values(TOKENS), cards: OTHER_PANS });
    const dir = tempDir();
    const config = writeConfig(dir, ['profile: vpws', `base_url: ${echo.url}`, `state_url: ${echo.stateUrl}`, 'tokens:', ...Object.entries(TOKENS).map(([k, v]) => `  ${k}: "${v}"`), ''].join('\n'));
    const reports = join(dir, 'reports');
    // Act
    const result = await paycert(['run', '--config', config, '--reports', reports], {}, undefined, RUN_TIMEOUT_MS);
    // Assert
    expect(result.code).toBe(1);
    expect(leaks(outputsOf(result, reports), secretForms(Object.values(TOKENS)), OTHER_PANS)).toEqual([]);
    expect(readFileSync(join(reports, 'report.json'), 'utf8')).toContain('Bearer [redacted]');
  });

  it('viva-interapp: the merchant key reflected from the request URI, and the AADE private key leaked', async () => {
    // Arrange
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    echo = await startEchoTarget({ leaks: [MERCHANT_KEY, pem], cards: OTHER_PANS });
    const dir = tempDir();
    writeFileSync(join(dir, 'provider.pem'), pem);
    const config = writeConfig(dir, ['profile: viva-interapp', `base_url: ${echo.url}`, `state_url: ${echo.stateUrl}`, 'viva:', `  merchant_key: "${MERCHANT_KEY}"`, '  aade_private_key: provider.pem', ''].join('\n'));
    const reports = join(dir, 'reports');
    // Act
    const result = await paycert(['run', '--config', config, '--reports', reports], {}, undefined, RUN_TIMEOUT_MS);
    // Assert
    expect(result.code).toBe(1);
    const pemLines = pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
    const forms = [...secretForms([MERCHANT_KEY, pem]), ...pemLines.map((form) => ({ form, anyCase: false }))];
    expect(leaks(outputsOf(result, reports), forms, OTHER_PANS)).toEqual([]);
    expect(readdirSync(reports)).toContain('report.json');
  });

  it('the selftest fault that puts whole card numbers in its answers (viva-account-unmasked)', async () => {
    // Arrange
    const served = await servePaycert(['--profile', 'viva-interapp', '--fault', 'viva-account-unmasked']);
    const reports = tempDir();
    try {
      // Act
      const result = await paycert(['run', '--target', served.url, '--profile', 'viva-interapp', '--reports', reports], {}, undefined, RUN_TIMEOUT_MS);
      // Assert
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL \S+/);
      expect(leaks(outputsOf(result, reports), [], OTHER_PANS)).toEqual([]);
      expect(readFileSync(join(reports, 'report.json'), 'utf8')).toMatch(/537489\*{6}1831/);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });
});
