/**
 * issue 7: a config file with `profile: vpws` certifies any VPWS URL (here the VPWS reference target
 * started by this test), fails a faulty one and names the check; the VPWS contract verifies.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VPWS_REFERENCE_TOKENS } from '../profiles/vpws/target/options';
import { startVpwsTarget } from '../profiles/vpws/target/server';
import { VPWS_FAULTS_BY_NAME } from '../profiles/vpws/target/variants';
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

function config(url: string, stateUrl: string): string {
  const file = join(tempDir(), 'vpws.yaml');
  writeFileSync(file, `profile: vpws\nbase_url: ${url}\nstate_url: ${stateUrl}\ntokens:\n  dealer_a: \${DEALER_A}\n  dealer_b: \${DEALER_B}\n`);
  return file;
}
const env = { DEALER_A: VPWS_REFERENCE_TOKENS.dealer_a, DEALER_B: VPWS_REFERENCE_TOKENS.dealer_b };

describe('paycert run with profile: vpws', () => {
  it('certifies a VPWS target given by a config file: exit 0, no failure, no warning, no token in any report', async () => {
    const target = await startVpwsTarget();
    const reports = tempDir();
    try {
      const result = await paycert(['run', '--config', config(target.url, target.stateUrl!), '--reports', reports], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/CERTIFIED - \d+ passed, 0 failed, 0 warnings, 0 skipped/);
      const { readFileSync } = await import('node:fs');
      for (const name of ['report.json', 'junit.xml', 'summary.md']) expect(readFileSync(join(reports, name), 'utf8')).not.toContain(VPWS_REFERENCE_TOKENS.dealer_a);
    } finally {
      await target.close();
    }
  });

  it('fails a VPWS target that lets a dealer cancel another dealer\'s transaction, naming the check', async () => {
    const target = await startVpwsTarget({ rules: VPWS_FAULTS_BY_NAME.get('vpws-other-dealer-cancel')!.rules });
    try {
      const result = await paycert(['run', '--config', config(target.url, target.stateUrl!), '--no-pact', '--reports', tempDir()], env);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL vpws\.auth\.other-dealer/);
    } finally {
      await target.close();
    }
  });

  it('a vpws config without its tokens names the field', async () => {
    const file = join(tempDir(), 'vpws.yaml');
    writeFileSync(file, 'profile: vpws\nbase_url: http://127.0.0.1:1\n');
    const result = await paycert(['run', '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"tokens" is required/);
  });

  it('the VPWS contract verifies against the VPWS reference target', async () => {
    const result = await paycert(['pact', 'verify', '--pact', join(__dirname, '..', '..', 'contracts', 'vpws-dealer-vpws-api.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('6 of 6 interactions verified');
  });

  it('certifies a VPWS server whose refusals carry errors arrays (["Unauthorized"]) and every other free value, contract included', async () => {
    // Arrange: PROFILE 2 lets exceptions, oldData and errors hold any JSON value; this server fills them.
    const target = await startVpwsTarget({ liberties: { freeFields: 'array', dataOnRefusals: true, keyOrder: 'reversed', messageText: 'other' } });
    try {
      // Act
      const result = await paycert(['run', '--config', config(target.url, target.stateUrl!), '--reports', tempDir()], env);
      // Assert
      expect(result.stdout).toMatch(/PASS pact\.vpws\.other-dealer/);
      expect(result.stdout).toMatch(/PASS pact\.vpws\.no-token/);
      expect(result.stdout).toMatch(/CERTIFIED - \d+ passed, 0 failed, 0 warnings, 0 skipped/);
      expect(result.code).toBe(0);
    } finally {
      await target.close();
    }
  });
});
