/**
 * issue 8, item 4: a config file with `profile: viva-interapp` certifies a Viva terminal through
 * its adapter (here the simulator started by this test), fails a faulty one naming the check, and
 * `paycert run --profile viva-interapp` certifies the embedded simulator.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProviderKeys } from '../profiles/viva-interapp/terminal/provider-key';
import { startTerminalSimulator, type TerminalSimulatorOptions } from '../profiles/viva-interapp/terminal/server';
import { TERMINAL_FAULTS_BY_NAME } from '../profiles/viva-interapp/terminal/variants';
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

const MERCHANT_KEY = 'mk-do-not-print-7781';

/** A simulator trusting a fresh provider key, and a config for it (the key in a file beside it). */
async function terminalWithConfig(options: TerminalSimulatorOptions = {}, stateHook = true) {
  const keys = makeProviderKeys();
  const sim = await startTerminalSimulator({ aadeKey: keys.publicKey, ...options });
  const dir = tempDir();
  writeFileSync(join(dir, 'provider.pem'), keys.privatePem);
  const file = join(dir, 'viva.yaml');
  const state = stateHook ? `state_url: ${sim.stateUrl}\n` : '';
  writeFileSync(file, `profile: viva-interapp\nbase_url: ${sim.url}\n${state}viva:\n  merchant_key: \${MK}\n  aade_private_key: provider.pem\n`);
  return { sim, file, keys };
}

describe('paycert run with profile: viva-interapp', () => {
  it('certifies a terminal given by a config file: exit 0, no failure, no warning; no merchantKey or key in any report', async () => {
    const { sim, file, keys } = await terminalWithConfig();
    const reports = tempDir();
    try {
      const result = await paycert(['run', '--config', file, '--reports', reports], { MK: MERCHANT_KEY });
      expect(result.stdout).toMatch(/CERTIFIED - \d+ passed, 0 failed, 0 warnings, 0 skipped/);
      expect(result.code).toBe(0);
      for (const name of ['report.json', 'junit.xml', 'summary.md']) {
        const text = readFileSync(join(reports, name), 'utf8');
        expect(text).not.toContain(MERCHANT_KEY);
        expect(text).not.toContain(keys.privatePem.split('\n')[1]);
      }
      expect(readFileSync(join(reports, 'summary.md'), 'utf8')).toContain('Every MUST and SHOULD clause has at least one check.');
    } finally {
      await sim.close();
    }
  });

  it('fails a terminal that ignores the search precedence, naming the check, with no card number in clear', async () => {
    const { sim, file } = await terminalWithConfig({ rules: { ...TERMINAL_FAULTS_BY_NAME.get('viva-precedence-reversed')!.rules, ...TERMINAL_FAULTS_BY_NAME.get('viva-account-unmasked')!.rules } });
    const reports = tempDir();
    try {
      const result = await paycert(['run', '--config', file, '--reports', reports], { MK: MERCHANT_KEY });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL viva\.precedence\.short-code-first/);
      expect(result.stdout).toMatch(/FAIL viva\.callback\.account-masked/);
      expect(result.stdout + readFileSync(join(reports, 'report.json'), 'utf8')).not.toContain('5374890000041831');
    } finally {
      await sim.close();
    }
  });

  it('without a state hook, runs what needs none and skips the rest with the reason', async () => {
    const { sim, file } = await terminalWithConfig({}, false);
    try {
      const result = await paycert(['run', '--config', file, '--reports', tempDir()], { MK: MERCHANT_KEY });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/CERTIFIED - [1-9]\d* passed, 0 failed, 0 warnings, [1-9]\d* skipped/);
      expect(result.stdout).toContain('needs a state hook');
    } finally {
      await sim.close();
    }
  });

  it('paycert run --profile viva-interapp certifies the embedded simulator', async () => {
    const result = await paycert(['run', '--profile', 'viva-interapp', '--reports', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/CERTIFIED - \d+ passed, 0 failed, 0 warnings, 0 skipped/);
  });
});
