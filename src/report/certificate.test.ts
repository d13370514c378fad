import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReporterMux } from '../core/reporter';
import { UserError } from '../core/errors';
import { buildCertificate, canonicalJson, CERTIFICATE_FORMAT, digestOf, readSigningKey, readVerifyKey, signatureVerifies, signCertificate, signedBytes, type Certificate } from './certificate';
import { CertifiedReports, type FileReporter } from './certificate-reporter';
import { fileReporters } from './index';
import { FIXED, KNOWN, PASSED, sampleReport, tempDir } from './sample-report';

const ed25519 = () => generateKeyPairSync('ed25519');

describe('canonicalJson', () => {
  it('sorts keys at every depth by code unit, keeps array order, drops undefined members, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 'x', c: undefined, B: true }], é: null, Z: 'é' })).toBe('{"Z":"é","a":[3,{"B":true,"d":"x"}],"b":1,"é":null}');
  });

  it('is the same whatever order the keys were built in', () => {
    expect(canonicalJson({ x: { q: 1, p: 2 }, y: 'z' })).toBe(canonicalJson({ y: 'z', x: { p: 2, q: 1 } }));
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/cannot hold/);
  });
});

describe('buildCertificate', () => {
  it('records the verdict, suite hash, fingerprint, version and each check with its baseline state', () => {
    // Arrange
    const report = sampleReport([PASSED, KNOWN, FIXED], { suiteHash: 'a'.repeat(64), identity: { terminalId: 'TERM-001', configHash: 'c'.repeat(64) }, baseline: { file: 'b.yaml', entries: 2 } });
    // Act
    const certificate = buildCertificate(report, { 'report.json': { sha256: 'f'.repeat(64), bytes: 10 } });
    // Assert
    expect(certificate).toMatchObject({
      format: CERTIFICATE_FORMAT,
      harnessVersion: '0.1.0',
      verdict: 'certified',
      suiteHash: 'a'.repeat(64),
      identity: { terminalId: 'TERM-001', configHash: 'c'.repeat(64) },
      baseline: { file: 'b.yaml', entries: 2 },
      files: { 'report.json': { sha256: 'f'.repeat(64), bytes: 10 } },
    });
    expect(certificate.checks).toEqual([
      { id: 'sig.valid', level: 'MUST', status: 'passed' },
      { id: 'nonce.window', level: 'MUST', status: 'failed', baseline: 'known' },
      { id: 'sig.case', level: 'MUST', status: 'passed', baseline: 'fixed' },
    ]);
  });
});

describe('signing', () => {
  const certificate = (): Certificate => buildCertificate(sampleReport(), { 'report.json': digestOf(Buffer.from('{}')) });

  it('signs the canonical form without the signature, and verifies with the same key only', () => {
    // Arrange
    const lab = ed25519();
    const other = ed25519();
    // Act
    const signed = signCertificate(certificate(), lab.privateKey);
    // Assert
    expect(signed.signature).toMatchObject({ algorithm: 'Ed25519', publicKey: lab.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') });
    expect(signedBytes(signed).toString()).toBe(canonicalJson(certificate()));
    expect(signatureVerifies(signed, lab.publicKey)).toBe(true);
    expect(signatureVerifies(signed, other.publicKey)).toBe(false);
  });

  it('a changed field, even one the pretty JSON would hide, breaks the signature', () => {
    const lab = ed25519();
    const signed = signCertificate(certificate(), lab.privateKey);
    expect(signatureVerifies({ ...signed, verdict: 'certified' }, lab.publicKey)).toBe(false);
    expect(signatureVerifies({ ...signed, checks: signed.checks.slice(1) }, lab.publicKey)).toBe(false);
    expect(signatureVerifies({ ...signed, signature: undefined }, lab.publicKey)).toBe(false);
  });
});

describe('key files', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('reads an Ed25519 private key, and a public key from a public or a private PEM', () => {
    // Arrange
    const lab = ed25519();
    const priv = join(tmp.dir, 'lab.pem');
    const pub = join(tmp.dir, 'lab.pub');
    writeFileSync(priv, lab.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pub, lab.publicKey.export({ type: 'spki', format: 'pem' }));
    // Act / Assert
    expect(readSigningKey(priv).asymmetricKeyType).toBe('ed25519');
    expect(readVerifyKey(pub).equals(lab.publicKey)).toBe(true);
    expect(readVerifyKey(priv).equals(lab.publicKey)).toBe(true);
  });

  it('one-line errors for a missing file, a non-key and another algorithm, never the key', () => {
    // Arrange
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rsaFile = join(tmp.dir, 'rsa.pem');
    writeFileSync(rsaFile, rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const junk = join(tmp.dir, 'junk.pem');
    writeFileSync(junk, 'not a key');
    // Act / Assert
    expect(() => readSigningKey(join(tmp.dir, 'none.pem'))).toThrow(UserError);
    expect(() => readSigningKey(join(tmp.dir, 'none.pem'))).toThrow(/--sign-key .*none\.pem: cannot read the key file \(ENOENT\)/);
    expect(() => readSigningKey(junk)).toThrow(/not a PEM private key/);
    expect(() => readSigningKey(rsaFile)).toThrow(/a rsa key, not Ed25519/);
    expect(() => readVerifyKey(rsaFile)).toThrow(/--verify-key .*rsa key, not Ed25519/);
  });
});

describe('CertifiedReports', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  const readCertificate = (): Certificate => JSON.parse(readFileSync(join(tmp.dir, 'certificate.json'), 'utf8'));

  it('writes certificate.json last, with the SHA-256 of every report file as written', async () => {
    // Arrange
    const mux = new ReporterMux(fileReporters(tmp.dir));
    // Act
    await mux.onEnd(sampleReport());
    // Assert
    expect(mux.errors).toEqual([]);
    const certificate = readCertificate();
    expect(Object.keys(certificate.files).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'summary.md']);
    for (const [name, digest] of Object.entries(certificate.files)) expect(digest).toEqual(digestOf(readFileSync(join(tmp.dir, name))));
    expect(certificate.signature).toBeUndefined();
  });

  it('signs with --sign-key', async () => {
    // Arrange
    const lab = ed25519();
    const key = join(tmp.dir, 'lab.pem');
    writeFileSync(key, lab.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    // Act
    await new ReporterMux(fileReporters(join(tmp.dir, 'out'), { signKeyFile: key })).onEnd(sampleReport());
    // Assert
    const certificate = JSON.parse(readFileSync(join(tmp.dir, 'out', 'certificate.json'), 'utf8')) as Certificate;
    expect(signatureVerifies(certificate, lab.publicKey)).toBe(true);
  });

  it('leaves out a file whose reporter failed (never hashes what an earlier run left) and still reports the error', async () => {
    // Arrange
    writeFileSync(join(tmp.dir, 'stale.txt'), 'from an earlier run');
    const good: FileReporter = { file: join(tmp.dir, 'good.txt'), onEnd: () => writeFileSync(join(tmp.dir, 'good.txt'), 'now') };
    const broken: FileReporter = {
      file: join(tmp.dir, 'stale.txt'),
      onEnd: () => {
        throw new Error('disk full');
      },
    };
    const mux = new ReporterMux([new CertifiedReports(tmp.dir, [broken, good])]);
    // Act
    await mux.onEnd(sampleReport());
    // Assert
    expect(mux.errors.map((e) => String(e.error))).toEqual(['Error: disk full']);
    expect(Object.keys(readCertificate().files)).toEqual(['good.txt']);
  });
});
