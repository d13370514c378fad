import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReporterMux } from '../core/reporter';
import { UserError } from '../core/errors';
import type { Certificate } from './certificate';
import { certificateJson } from './certificate-reporter';
import { fileReporters } from './index';
import { FAILED, PASSED, sampleReport, tempDir } from './sample-report';
import { verifyReports, type VerifyOptions } from './verify-report';

const SUITE = 'a'.repeat(64);
const FILES = ['report.json', 'junit.xml', 'summary.md', 'report.html'];

describe('verifyReports', () => {
  let tmp: ReturnType<typeof tempDir>;
  const lab = generateKeyPairSync('ed25519');
  const keyFile = () => {
    const file = join(tmp.dir, 'lab.pem');
    writeFileSync(file, lab.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    return file;
  };
  const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ suiteHash: SUITE, harnessVersion: '0.1.0', ...extra });
  const dir = () => join(tmp.dir, 'reports');

  /** A run's reports in tmp/reports, as a run writes them, optionally signed. */
  async function writeRun(signKeyFile?: string): Promise<void> {
    const mux = new ReporterMux(fileReporters(dir(), signKeyFile ? { signKeyFile } : {}));
    await mux.onEnd(sampleReport([PASSED, FAILED], { suiteHash: SUITE, identity: { configHash: 'c'.repeat(64) } }));
    expect(mux.errors).toEqual([]);
  }

  const failing = (result: ReturnType<typeof verifyReports>) => result.findings.filter((f) => !f.ok).map((f) => `${f.word} ${f.subject}`);

  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('untouched reports verify: every file, the record against report.json, the suite', async () => {
    // Arrange
    await writeRun();
    // Act
    const result = verifyReports(dir(), options());
    // Assert
    expect(result.verified).toBe(true);
    expect(result.findings.filter((f) => f.word === 'ok').map((f) => f.subject)).toEqual([...FILES, 'certificate.json', 'suite']);
    expect(result.findings.find((f) => f.subject === 'signature')).toMatchObject({ word: 'note', ok: true });
  });

  it.each(FILES)('one byte of %s altered: ALTERED, not verified', async (name) => {
    // Arrange
    await writeRun();
    const path = join(dir(), name);
    const bytes = readFileSync(path);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync(path, bytes);
    // Act
    const result = verifyReports(dir(), options());
    // Assert
    expect(result.verified).toBe(false);
    expect(failing(result)).toEqual([`ALTERED ${name}`]);
  });

  it('a file removed: MISSING; a report file the certificate does not list: NOT COVERED', async () => {
    // Arrange
    await writeRun();
    rmSync(join(dir(), 'junit.xml'));
    const certificate = JSON.parse(readFileSync(join(dir(), 'certificate.json'), 'utf8')) as Certificate;
    delete (certificate.files as Record<string, unknown>)['summary.md'];
    writeFileSync(join(dir(), 'certificate.json'), certificateJson(certificate));
    // Act
    const result = verifyReports(dir(), options());
    // Assert
    expect(failing(result)).toEqual(['MISSING junit.xml', 'NOT COVERED summary.md']);
  });

  it('a certificate edited to say something report.json does not: DIFFERS', async () => {
    // Arrange
    await writeRun();
    const certificate = JSON.parse(readFileSync(join(dir(), 'certificate.json'), 'utf8')) as Certificate;
    writeFileSync(join(dir(), 'certificate.json'), certificateJson({ ...certificate, verdict: 'certified', checks: certificate.checks.map((c) => ({ ...c, status: 'passed' })) }));
    // Act
    const result = verifyReports(dir(), options());
    // Assert
    expect(failing(result)).toEqual(['DIFFERS certificate.json']);
    expect(result.findings.find((f) => f.word === 'DIFFERS')?.text).toBe('differs from report.json in checks, verdict');
  });

  it('another suite than this harness: DIFFERS suite; another version is a note', async () => {
    await writeRun();
    const result = verifyReports(dir(), options({ suiteHash: 'b'.repeat(64), harnessVersion: '0.2.0' }));
    expect(failing(result)).toEqual(['DIFFERS suite']);
    expect(result.findings.find((f) => f.subject === 'harness')).toMatchObject({ word: 'note', ok: true, text: 'made by paycert 0.1.0, verified with 0.2.0' });
  });

  describe('signed', () => {
    it('verifies with the lab key', async () => {
      await writeRun(keyFile());
      const result = verifyReports(dir(), options({ publicKey: lab.publicKey, publicKeyName: 'lab.pub' }));
      expect(result.verified).toBe(true);
      expect(result.findings.find((f) => f.subject === 'signature')?.text).toMatch(/^Ed25519, verifies with lab\.pub \(sha256:[0-9a-f]{16}\)$/);
    });

    it('a wrong key: BAD signature', async () => {
      await writeRun(keyFile());
      const result = verifyReports(dir(), options({ publicKey: generateKeyPairSync('ed25519').publicKey }));
      expect(failing(result)).toEqual(['BAD signature']);
    });

    it('the certificate and report.json altered together still fail on the signature', async () => {
      // Arrange: a forger rewrites report.json and re-hashes it into the certificate.
      await writeRun(keyFile());
      const reportPath = join(dir(), 'report.json');
      const forged = readFileSync(reportPath, 'utf8').replace('"not certified"', '"certified"');
      writeFileSync(reportPath, forged);
      const certificate = JSON.parse(readFileSync(join(dir(), 'certificate.json'), 'utf8')) as Certificate;
      const { createHash } = await import('node:crypto');
      certificate.files['report.json'] = { sha256: createHash('sha256').update(forged).digest('hex'), bytes: Buffer.byteLength(forged) };
      certificate.verdict = 'certified';
      writeFileSync(join(dir(), 'certificate.json'), certificateJson(certificate));
      // Act
      const withKey = verifyReports(dir(), options({ publicKey: lab.publicKey }));
      const withoutKey = verifyReports(dir(), options());
      // Assert
      expect(failing(withKey)).toEqual(['BAD signature']);
      expect(failing(withoutKey)).toEqual(['BAD signature']);
    });

    it('an unsigned certificate when a key is given: BAD signature', async () => {
      await writeRun();
      expect(failing(verifyReports(dir(), options({ publicKey: lab.publicKey })))).toEqual(['BAD signature']);
    });
  });

  it('bad input is a UserError: no directory, no certificate, not JSON, not a certificate, a path in files', async () => {
    // Arrange
    await writeRun();
    const certificatePath = join(dir(), 'certificate.json');
    const good = readFileSync(certificatePath, 'utf8');
    // Act / Assert
    expect(() => verifyReports(join(tmp.dir, 'nope'), options())).toThrow(UserError);
    expect(() => verifyReports(join(tmp.dir, 'nope'), options())).toThrow(/is not a directory/);
    expect(() => verifyReports(tmp.dir, options())).toThrow(/no certificate\.json in/);
    writeFileSync(certificatePath, '{oops');
    expect(() => verifyReports(dir(), options())).toThrow(/is not JSON/);
    writeFileSync(certificatePath, JSON.stringify({ ...JSON.parse(good), format: 'x' }));
    expect(() => verifyReports(dir(), options())).toThrow(/is not a paycert certificate: its "format" is "x"/);
    writeFileSync(certificatePath, JSON.stringify({ ...JSON.parse(good), files: { '../etc/passwd': { sha256: 'a'.repeat(64), bytes: 1 } } }));
    expect(() => verifyReports(dir(), options())).toThrow(/not a file of the report directory/);
  });
});
