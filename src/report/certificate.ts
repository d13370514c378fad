/**
 * The certification record, `certificate.json`: what was certified (profile, targets, config
 * fingerprint), with which suite (its content hash) and harness version, the verdict and every
 * check's status, and the SHA-256 of each report file of the run, so `paycert verify-report` can
 * tell whether any was altered. Optionally signed with a lab's Ed25519 key over a canonical form
 * of the record without its `signature` field (canonicalJson).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors';
import { inputFileProblem, MAX_KEY_FILE_BYTES } from '../core/input-file';
import type { CheckStatus, Counts, Level, RunFilters, RunIdentity, RunReport, RunTarget, Verdict } from '../core/types';

export const CERTIFICATE_FILE = 'certificate.json';

/** The value of the certificate's `format` field; readers refuse files without it. */
export const CERTIFICATE_FORMAT = 'paycert-certificate/1';

/** The one signature algorithm, named as node:crypto and RFC 8037 name it. */
export const SIGNATURE_ALGORITHM = 'Ed25519';

/** One check in the record: enough to say what was judged and how. */
export interface CertifiedCheck {
  id: string;
  level: Level;
  status: CheckStatus;
  /** What the run's baseline said of it (known, fixed, expired), when it named it. */
  baseline?: 'known' | 'fixed' | 'expired';
}

/** A report file of the run: its SHA-256 (hex) and size. */
export interface FileDigest {
  sha256: string;
  bytes: number;
}

export interface CertificateSignature {
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** The signer's public key, base64 of its SPKI DER: who signed (verify with the lab's own copy). */
  publicKey: string;
  /** Base64 of the Ed25519 signature over canonicalJson(the certificate without `signature`). */
  value: string;
}

export interface Certificate {
  format: typeof CERTIFICATE_FORMAT;
  harnessVersion: string;
  profile: string;
  target: RunTarget;
  targets?: RunTarget[];
  startedAt: string;
  endedAt: string;
  strict: boolean;
  filters?: RunFilters;
  verdict: Verdict;
  counts: Counts;
  suiteHash?: string;
  /** The config fingerprint: terminal, key id, KCV method, config path and hash (no secret). */
  identity?: RunIdentity;
  baseline?: { file: string; entries: number };
  checks: CertifiedCheck[];
  /** Every report file the run wrote before the certificate, by name in the report directory. */
  files: Record<string, FileDigest>;
  signature?: CertificateSignature;
}

/** The record of `report`, with the digests of the report files written for it. */
export function buildCertificate(report: RunReport, files: Record<string, FileDigest>): Certificate {
  const checks = report.checks.map((r): CertifiedCheck => ({
    id: r.check.id,
    level: r.check.level,
    status: r.status,
    ...(r.baseline && { baseline: r.baseline.state }),
  }));
  return {
    format: CERTIFICATE_FORMAT,
    harnessVersion: report.harnessVersion,
    profile: report.profile,
    target: report.target,
    ...(report.targets && { targets: report.targets }),
    startedAt: report.startedAt,
    endedAt: report.endedAt,
    strict: report.strict,
    ...(report.filters && { filters: report.filters }),
    verdict: report.verdict,
    counts: report.counts,
    ...(report.suiteHash !== undefined && { suiteHash: report.suiteHash }),
    ...(report.identity && { identity: report.identity }),
    ...(report.baseline && { baseline: report.baseline }),
    checks,
    files,
  };
}

/**
 * The canonical form that is signed: JSON with every object's keys sorted by UTF-16 code unit,
 * no whitespace, members whose value is undefined left out (as JSON.stringify does), UTF-8. For
 * the values a certificate holds (strings, integers, booleans, arrays, objects) this is RFC 8785
 * (JCS), so any JCS library reproduces the bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: a number that JSON cannot hold');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

/** The bytes a signature covers: the canonical form of the certificate without its signature. */
export function signedBytes(certificate: Certificate): Buffer {
  const { signature: _signature, ...unsigned } = certificate;
  return Buffer.from(canonicalJson(unsigned), 'utf8');
}

/** The certificate signed with an Ed25519 private key (any signature it had is replaced). */
export function signCertificate(certificate: Certificate, privateKey: KeyObject): Certificate {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  const value = sign(null, signedBytes(certificate), privateKey).toString('base64');
  return { ...certificate, signature: { algorithm: SIGNATURE_ALGORITHM, publicKey, value } };
}

/** Whether the certificate carries an Ed25519 signature that verifies with `publicKey`. */
export function signatureVerifies(certificate: Certificate, publicKey: KeyObject): boolean {
  const signature = certificate.signature;
  if (signature?.algorithm !== SIGNATURE_ALGORITHM || typeof signature.value !== 'string') return false;
  try {
    return verify(null, signedBytes(certificate), publicKey, Buffer.from(signature.value, 'base64'));
  } catch {
    return false;
  }
}

/** `sha256:` and the first 16 hex digits of the SHA-256 of a public key's SPKI DER: how keys are named. */
export function keyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

function readKeyFile(option: string, file: string): string {
  // A FIFO would block the read for ever: refused unless a regular file of key size.
  const problem = inputFileProblem(file, MAX_KEY_FILE_BYTES);
  if (problem) throw new UserError(`${option} ${file}: the key file ${problem}`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`${option} ${file}: cannot read the key file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** The Ed25519 private key in the PEM file `file` (`--sign-key`); a UserError naming the file otherwise. */
export function readSigningKey(file: string, option = '--sign-key'): KeyObject {
  const pem = readKeyFile(option, file);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new UserError(`${option} ${file}: not a PEM private key`, undefined, undefined, 'make one with: openssl genpkey -algorithm ed25519 -out lab.pem');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UserError(`${option} ${file}: a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519`, undefined, undefined, 'make one with: openssl genpkey -algorithm ed25519 -out lab.pem');
  return key;
}

/** The Ed25519 public key in the PEM file `file` (`--verify-key`; a private key PEM gives its public key). */
export function readVerifyKey(file: string, option = '--verify-key'): KeyObject {
  const pem = readKeyFile(option, file);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new UserError(`${option} ${file}: not a PEM public key`, undefined, undefined, 'export it with: openssl pkey -in lab.pem -pubout -out lab.pub');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UserError(`${option} ${file}: a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519`);
  return key;
}

/** SHA-256 and size of some bytes. */
export function digestOf(bytes: Buffer): FileDigest {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
