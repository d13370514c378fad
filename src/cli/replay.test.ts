/**
 * Issue 13 items 2-4: a failure's replay command, pasted, reproduces it against the same target
 * (URL, config, profile); the whole step sequence is printed with a curl line per step; and
 * `paycert replay REPORT CHECK_ID` runs the check again and says FIXED or STILL FAILING.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_CREDENTIALS } from '../profiles/viopay-pos/target';
import { paycert, servePaycert, type Served } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

const REFUND_AFTER_CANCEL = 'pos.cancel.refund-after-cancel';
/** A check the refund-after-cancel fault does not break. */
const UNBROKEN = 'pos.nonce.length-12-accepted';

/** The `paycert run ...` line of the failure of `id` in a run's output, as arguments. */
function printedReplay(stdout: string, id: string): string[] {
  const line = stdout.split('\n').find((l) => l.trim().startsWith('paycert run ') && l.includes(`--check ${id}`));
  if (!line) throw new Error(`no replay command for ${id} in:\n${stdout}`);
  return line.trim().split(/\s+/).slice(1);
}

describe('replays against a faulty POS target', () => {
  let faulty: Served;
  let correct: Served;
  let reports: string;
  let first: Awaited<ReturnType<typeof paycert>>;

  beforeAll(async () => {
    [faulty, correct] = await Promise.all([servePaycert(['--fault', 'refund-after-cancel']), servePaycert([])]);
    reports = tempDir();
    first = await paycert(['run', '--target', faulty.url, '--check', REFUND_AFTER_CANCEL, '--check', UNBROKEN, '--reports', reports]);
  });
  afterAll(async () => {
    await Promise.all([faulty.stop(), correct.stop()]);
  });

  it('prints a command that names the target, and every step with its curl line', () => {
    // Assert
    expect(first.code).toBe(1);
    expect(printedReplay(first.stdout, REFUND_AFTER_CANCEL)).toEqual(['run', '--target', faulty.url, '--check', REFUND_AFTER_CANCEL]);
    expect(first.stdout).toContain('Steps before the failing one (2)');
    for (const step of ['# step 1 (charge as c)', '# step 2 (cancel)', '# step 3 (refund)']) expect(first.stdout).toContain(step);
    expect(first.stdout.match(/^ {2}curl /gm)).toHaveLength(3);
    const failure = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')).checks.find((c: { check: { id: string } }) => c.check.id === REFUND_AFTER_CANCEL).failure;
    expect(failure.steps).toHaveLength(3);
    expect(failure.replay.target).toEqual(['--target', faulty.url]);
  });

  it('the printed command, pasted, fails the same check against the same target', async () => {
    // Act
    const again = await paycert([...printedReplay(first.stdout, REFUND_AFTER_CANCEL), '--reports', tempDir()]);
    // Assert
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`FAIL ${REFUND_AFTER_CANCEL}`);
  });

  it('paycert replay says STILL FAILING against the report\'s target (exit 1), FIXED against a correct one (exit 0)', async () => {
    // Act
    const still = await paycert(['replay', join(reports, 'report.json'), REFUND_AFTER_CANCEL]);
    const fixed = await paycert(['replay', reports, REFUND_AFTER_CANCEL, '--target', correct.url]);
    // Assert
    expect(still.code).toBe(1);
    expect(still.stdout).toContain(`STILL FAILING: ${REFUND_AFTER_CANCEL}`);
    expect(still.stdout).toContain(`paycert run --target ${faulty.url} --check ${REFUND_AFTER_CANCEL}`);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`FIXED: ${REFUND_AFTER_CANCEL} passes now`);
  });

  it.each([
    [['/nonexistent/report.json', REFUND_AFTER_CANCEL], /no report at \/nonexistent\/report\.json/],
    [['REPORTS', 'pos.cancel.refund-after-cancle'], /is not a check of the report .*did you mean "pos\.cancel\.refund-after-cancel"/],
    [['REPORTS', UNBROKEN], /passed in the report .*: nothing to replay/],
    [['REPORTS'], /replay needs a report and a check id/],
  ])('paycert replay %j is one line and exit 2', async (args, message) => {
    // Act
    const result = await paycert(['replay', ...args.map((a) => (a === 'REPORTS' ? reports : a))]);
    // Assert
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('replays of a config run and of a VPWS run', () => {
  it('a config run prints --config, and paycert replay re-reads that config', async () => {
    // Arrange
    const faulty = await servePaycert(['--fault', 'refund-after-cancel']);
    const dir = tempDir();
    const config = join(dir, 'target.yaml');
    const { terminalId, keyId, hmacSecret, msk } = REFERENCE_CREDENTIALS;
    writeFileSync(config, `profile: viopay-pos\nbase_url: ${faulty.url}\nterminal_id: ${terminalId}\nkey_id: ${keyId}\nhmac_secret: ${hmacSecret}\nmsk: ${msk}\nstate_url: ${faulty.url}/_conformance/state\n`);
    const reports = join(dir, 'reports');
    try {
      // Act
      const run = await paycert(['run', '--config', config, '--check', REFUND_AFTER_CANCEL, '--reports', reports]);
      const replay = await paycert(['replay', reports, REFUND_AFTER_CANCEL]);
      // Assert
      expect(run.code).toBe(1);
      expect(printedReplay(run.stdout, REFUND_AFTER_CANCEL)).toEqual(['run', '--config', config, '--check', REFUND_AFTER_CANCEL]);
      expect(replay.code).toBe(1);
      expect(replay.stdout).toContain(`against ${faulty.url}`);
      expect(replay.stdout).toContain('STILL FAILING');
    } finally {
      await faulty.stop();
    }
  });

  it('a VPWS failure prints --profile vpws, and the command, pasted, fails it again', async () => {
    // Arrange
    const faulty = await servePaycert(['--profile', 'vpws', '--fault', 'vpws-token-not-required']);
    try {
      // Act
      const run = await paycert(['run', '--target', faulty.url, '--profile', 'vpws', '--check', 'vpws.auth.no-token', '--reports', tempDir()]);
      const printed = printedReplay(run.stdout, 'vpws.auth.no-token');
      const again = await paycert([...printed, '--reports', tempDir()]);
      // Assert
      expect(run.code).toBe(1);
      expect(printed).toEqual(['run', '--target', faulty.url, '--profile', 'vpws', '--check', 'vpws.auth.no-token']);
      expect(again.code).toBe(1);
      expect(again.stdout).toContain('FAIL vpws.auth.no-token');
    } finally {
      await faulty.stop();
    }
  });

  it('paycert replay --help says what it does', async () => {
    const help = await paycert(['replay', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: paycert replay REPORT CHECK_ID');
  });
});
