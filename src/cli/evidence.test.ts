/**
 * The evidence a run leaves, end to end through the real bin: a signed certificate.json that
 * `paycert verify-report` checks (altered, wrong key, bad input), and the expected-failure baseline
 * (`baseline write`, then `run --baseline`: known, fixed under --strict, expired; bad files exit 2;
 * PAYCERT_BASELINE and PAYCERT_SIGN_KEY under plain jest). Targets are reference targets started
 * here on 127.0.0.1 (ephemeral ports) and closed by each test.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReferenceTarget } from '../profiles/viopay-pos/target';
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

const json = (dir: string, file = 'report.json') => JSON.parse(readFileSync(join(dir, file), 'utf8'));
/** Two checks: one the faulty target below fails (MUST), one it passes. */
const CHECKS = ['--check', 'pos.nonce.replay-refused', '--check', 'pos.cards.approved'];

function labKeys(dir: string): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  const privateKey = join(dir, 'lab.pem');
  const publicKey = join(dir, 'lab.pub');
  writeFileSync(privateKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey };
}

describe('certificate.json, verify-report and the baseline', () => {
  it('a signed run verifies; an altered byte or another key does not; its failures become a baseline that makes them known, and expired', async () => {
    const work = tempDir();
    const lab = labKeys(work);
    const other = labKeys(tempDir());
    const faulty = await startReferenceTarget({ rules: { checkNonceReplay: () => null } });
    try {
      // A signed run with one MUST failure.
      const reports = join(work, 'run');
      const run = await paycert(['run', '--target', faulty.url, ...CHECKS, '--sign-key', lab.privateKey, '--reports', reports]);
      expect(run.code).toBe(1);
      const certificate = json(reports, 'certificate.json');
      expect(certificate).toMatchObject({ format: 'paycert-certificate/1', verdict: 'not certified', signature: { algorithm: 'Ed25519' } });
      expect(certificate.checks).toEqual(expect.arrayContaining([{ id: 'pos.nonce.replay-refused', level: 'MUST', status: 'failed' }]));
      expect(Object.keys(certificate.files).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'summary.md']);

      const verified = await paycert(['verify-report', reports, '--verify-key', lab.publicKey]);
      expect(verified.stderr).toBe('');
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/^ {2}ok +signature +Ed25519, verifies with lab\.pub/m);
      expect(verified.stdout).toMatch(/paycert: VERIFIED - the reports in .* are as certified \(verdict NOT CERTIFIED\)\n$/);

      const wrongKey = await paycert(['verify-report', reports, '--verify-key', other.publicKey]);
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stdout).toContain('paycert: NOT VERIFIED - signature BAD');

      // The failures become a baseline before the reports are tampered with.
      const baseline = join(work, 'baseline.yaml');
      const written = await paycert(['baseline', 'write', '--report', reports, '--out', baseline]);
      expect(written).toMatchObject({ code: 0, stdout: `paycert: wrote 1 entry to ${baseline}; give each its reason (now "TODO: why") and, if you can, a ticket and an expires date\n` });

      const junit = join(reports, 'junit.xml');
      const bytes = readFileSync(junit);
      bytes[10] = bytes[10]! ^ 0x20;
      writeFileSync(junit, bytes);
      const altered = await paycert(['verify-report', reports, '--verify-key', lab.publicKey]);
      expect(altered.code).toBe(1);
      expect(altered.stdout).toMatch(/^ {2}ALTERED +junit\.xml/m);

      // The same run with the baseline: the failure is known (exit 0); dated yesterday, it has expired (exit 1).
      const expiredBaseline = join(work, 'expired.yaml');
      writeFileSync(expiredBaseline, readFileSync(baseline, 'utf8').replace('reason: "TODO: why"', 'reason: "legacy store"\n  expires: "2020-01-31"'));
      const [known, expired] = await Promise.all([
        paycert(['run', '--target', faulty.url, ...CHECKS, '--baseline', baseline, '--reports', join(work, 'known')]),
        paycert(['run', '--target', faulty.url, ...CHECKS, '--baseline', expiredBaseline, '--reports', join(work, 'expired')]),
      ]);
      expect(known.code).toBe(0);
      expect(known.stdout).toMatch(/^KNOWN pos\.nonce\.replay-refused /m);
      expect(known.stdout).toMatch(/paycert: PARTIAL - 1 passed, 0 failed, 0 warnings, 0 skipped, 1 known failure/);
      expect(json(join(work, 'known'))).toMatchObject({ verdict: 'partial', counts: { known: 1, failed: 0 }, baseline: { file: baseline, entries: 1 } });
      expect(readFileSync(join(work, 'known', 'junit.xml'), 'utf8')).toContain('<skipped type="known-failure" message="KNOWN FAILURE (baseline: TODO: why), a MUST failure');
      expect(expired.code).toBe(1);
      expect(expired.stdout).toMatch(/^EXPIRED pos\.nonce\.replay-refused /m);
      expect(json(join(work, 'expired'))).toMatchObject({ verdict: 'not certified', counts: { expired: 1 } });
    } finally {
      await faulty.close();
    }
  });

  it('a baselined check that passes is FIXED: exit 0, and exit 1 with --strict', async () => {
    const work = tempDir();
    const baseline = join(work, 'baseline.yaml');
    writeFileSync(baseline, '- check: pos.nonce.replay-refused\n  reason: replay store rewrite\n  ticket: PAY-7\n');
    const good = await startReferenceTarget();
    try {
      const [lenient, strict] = await Promise.all([
        paycert(['run', '--target', good.url, ...CHECKS, '--baseline', baseline, '--reports', join(work, 'lenient')]),
        paycert(['run', '--target', good.url, ...CHECKS, '--baseline', baseline, '--strict', '--reports', join(work, 'strict')]),
      ]);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toMatch(/^FIXED pos\.nonce\.replay-refused /m);
      expect(strict.code).toBe(1);
      expect(json(join(work, 'strict'))).toMatchObject({ verdict: 'not certified', counts: { fixed: 1 } });
    } finally {
      await good.close();
    }
  });

  it('bad input is one line and exit 2, before any request: a bad baseline, a bad signing key, no certificate, a bad verify key', async () => {
    // Arrange
    const work = tempDir();
    const baseline = join(work, 'baseline.yaml');
    writeFileSync(baseline, '- check: pos.nonce.replay-refsed\n  reason: r\n');
    const notKey = join(work, 'not-a-key.pem');
    writeFileSync(notKey, 'hello');
    // Act
    const [badBaseline, badKey, noCertificate, badVerifyKey] = await Promise.all([
      paycert(['run', '--target', 'http://127.0.0.1:1', '--baseline', baseline]),
      paycert(['run', '--target', 'http://127.0.0.1:1', '--sign-key', notKey]),
      paycert(['verify-report', work]),
      paycert(['verify-report', work, '--verify-key', notKey]),
    ]);
    // Assert
    expect(badBaseline).toMatchObject({ code: 2, stderr: `paycert: ${baseline}:1:10: [0].check: "pos.nonce.replay-refsed" is not a registered check id (did you mean "pos.nonce.replay-refused"?)\n` });
    expect(badKey).toMatchObject({ code: 2, stderr: `paycert: --sign-key ${notKey}: not a PEM private key (make one with: openssl genpkey -algorithm ed25519 -out lab.pem)\n` });
    expect(noCertificate).toMatchObject({ code: 2, stderr: `paycert: verify-report: no certificate.json in ${work} (paycert run and paycert merge write one beside the reports)\n` });
    expect(badVerifyKey).toMatchObject({ code: 2, stderr: `paycert: --verify-key ${notKey}: not a PEM public key (export it with: openssl pkey -in lab.pem -pubout -out lab.pub)\n` });
  });

  it.each([[['verify-report', '--help']], [['baseline', 'write', '--help']]])('%j prints usage and exits 0', async (args) => {
    const result = await paycert(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: paycert /);
  });
});

describe('plain jest: PAYCERT_BASELINE and PAYCERT_SIGN_KEY', () => {
  it('applies the baseline and signs the certificate as paycert run does', async () => {
    const { execFile } = await import('node:child_process');
    const work = tempDir();
    const lab = labKeys(work);
    const baseline = join(work, 'baseline.yaml');
    writeFileSync(baseline, '- check: pos.nonce.replay-refused\n  reason: replay store rewrite\n');
    const reports = join(work, 'reports');
    const faulty = await startReferenceTarget({ rules: { checkNonceReplay: () => null } });
    try {
      const code = await new Promise<number>((resolve) => {
        execFile(
          process.execPath,
          [join(__dirname, '..', '..', 'node_modules', 'jest', 'bin', 'jest.js'), 'specs/viopay-pos/nonce.spec.yaml', '--selectProjects', 'conformance'],
          {
            cwd: join(__dirname, '..', '..'),
            env: { ...process.env, PAYCERT_RUN: '', PAYCERT_TARGET: faulty.url, PAYCERT_REPORTS: reports, PAYCERT_CHECKS: 'pos.nonce.replay-refused', PAYCERT_BASELINE: baseline, PAYCERT_SIGN_KEY: lab.privateKey, CI: 'true' },
          },
          (error) => resolve(error ? Number(error.code) : 0),
        );
      });
      expect(json(reports)).toMatchObject({ counts: { known: 1, failed: 0 }, baseline: { file: baseline, entries: 1 } });
      expect(code).toBe(0);
      const verified = await paycert(['verify-report', reports, '--verify-key', lab.publicKey]);
      expect(verified.code).toBe(0);
    } finally {
      await faulty.close();
    }
  });
});
