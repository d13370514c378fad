/**
 * Config discovery end to end, through the real bin in a temporary working directory:
 * `--config`, else PAYCERT_CONFIG, else paycert.config.yaml or target.yaml there, else the
 * embedded target; `--target` alone discovers nothing. Each config names a different base URL:
 * one a reference target started here (the run certifies it), the others closed ports, so which
 * file was read shows in the line that says the target cannot be reached (exit 2, no request).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_CREDENTIALS, startReferenceTarget } from '../profiles/viopay-pos/target';
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

const { terminalId, keyId, hmacSecret, msk } = REFERENCE_CREDENTIALS;
const config = (url: string) => `profile: viopay-pos\nbase_url: ${url}\nterminal_id: ${terminalId}\nkey_id: ${keyId}\nhmac_secret: \${DISCOVERY_SECRET}\nmsk: ${msk}\n`;
/** Ports nothing listens on (discard, and a reserved one): a run against them stops at the reachability probe. */
const CLOSED = { env: 'http://127.0.0.1:9', here: 'http://127.0.0.1:1', other: 'http://127.0.0.1:7' };
const ONE_CHECK = ['--check', 'pos.amounts.decimal-point', '--reports', 'reports', '--no-preflight'];

function folder(files: Record<string, string>): string {
  const dir = tempDir('paycert-discovery-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('paycert run: which config it uses', () => {
  it('finds target.yaml in the working directory, says so first, and certifies the target it names', async () => {
    // Arrange
    const target = await startReferenceTarget();
    const cwd = folder({ 'target.yaml': config(target.url) });
    try {
      // Act
      const result = await paycert(['run', ...ONE_CHECK], { PAYCERT_CONFIG: '', DISCOVERY_SECRET: hmacSecret }, cwd);
      // Assert
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe('config: ./target.yaml (found in the working directory)');
      expect(result.stdout).toContain(`against ${target.url} (viopay-pos`);
    } finally {
      await target.close();
    }
  });

  it('takes PAYCERT_CONFIG before a file of the working directory', async () => {
    const cwd = folder({ 'env.yaml': config(CLOSED.env), 'target.yaml': config(CLOSED.here) });
    const result = await paycert(['run', ...ONE_CHECK], { PAYCERT_CONFIG: 'env.yaml', DISCOVERY_SECRET: hmacSecret }, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')[0]).toBe('config: env.yaml (from PAYCERT_CONFIG)');
    expect(result.stderr).toContain('127.0.0.1:9');
  });

  it('takes paycert.config.yaml when target.yaml is there too, and says so', async () => {
    const cwd = folder({ 'paycert.config.yaml': config(CLOSED.here), 'target.yaml': config(CLOSED.other) });
    const result = await paycert(['run', ...ONE_CHECK], { PAYCERT_CONFIG: '', DISCOVERY_SECRET: hmacSecret }, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')[0]).toBe('config: ./paycert.config.yaml (found in the working directory; ./target.yaml is there too and is not read)');
    expect(result.stderr).toContain('127.0.0.1:1');
  });

  it('takes --config before PAYCERT_CONFIG, and --target alone discovers nothing', async () => {
    const cwd = folder({ 'given.yaml': config(CLOSED.other), 'env.yaml': config(CLOSED.env), 'target.yaml': config(CLOSED.here) });
    const given = await paycert(['run', '--config', 'given.yaml', ...ONE_CHECK], { PAYCERT_CONFIG: 'env.yaml', DISCOVERY_SECRET: hmacSecret }, cwd);
    expect(given.stdout.split('\n')[0]).toBe('config: given.yaml (--config)');
    expect(given.stderr).toContain('127.0.0.1:7');
    const url = await paycert(['run', '--target', 'http://127.0.0.1:5', ...ONE_CHECK], { PAYCERT_CONFIG: 'env.yaml' }, cwd);
    expect(url.code).toBe(2);
    expect(url.stdout).not.toContain('config:');
    expect(url.stderr).toContain('127.0.0.1:5');
  });

  it('certifies the embedded target when nothing is found, and prints no config line', async () => {
    const cwd = folder({});
    const result = await paycert(['run', ...ONE_CHECK], { PAYCERT_CONFIG: '' }, cwd);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^paycert .*\(embedded reference target\)/);
  });
});

describe('paycert pact verify: the same discovery', () => {
  it('finds target.yaml in the working directory and says so first', async () => {
    const cwd = folder({ 'target.yaml': config(CLOSED.here) });
    const result = await paycert(['pact', 'verify'], { PAYCERT_CONFIG: '', DISCOVERY_SECRET: hmacSecret }, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')[0]).toBe('config: ./target.yaml (found in the working directory)');
    expect(result.stderr).toContain('127.0.0.1:1');
  });
});
