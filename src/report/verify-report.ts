/**
 * `paycert verify-report DIR`: whether a run's reports are as its certificate.json recorded them.
 * Each report file's SHA-256 against the record, the record against report.json, the suite hash
 * against the suite at hand, and a signature against the lab's key. Pure judgement over files;
 * the CLI prints the findings and turns them into the exit code.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { inputFileProblem } from '../core/input-file';
import { join } from 'node:path';
import { UserError } from '../core/errors';
import { buildCertificate, canonicalJson, CERTIFICATE_FILE, CERTIFICATE_FORMAT, digestOf, keyFingerprint, signatureVerifies, type Certificate } from './certificate';
import { HTML_FILE } from './html-reporter';
import { REPORT_FILE } from './json-reporter';
import { JUNIT_FILE } from './junit-reporter';
import { SUMMARY_FILE } from './markdown-reporter';
import { readReport } from './merge';

/** The report files a run writes: one of these in DIR that the certificate does not list is not vouched for. */
export const REPORT_FILES: readonly string[] = [REPORT_FILE, JUNIT_FILE, SUMMARY_FILE, HTML_FILE];

export type FindingWord = 'ok' | 'ALTERED' | 'MISSING' | 'NOT COVERED' | 'DIFFERS' | 'BAD' | 'note';

/** One thing verify-report judged: `ok` false makes the verdict NOT VERIFIED. */
export interface Finding {
  word: FindingWord;
  subject: string;
  text: string;
  ok: boolean;
}

export interface VerifyOptions {
  /** The suite hash of the harness at hand (run/suite-hash.ts). */
  suiteHash: string;
  harnessVersion: string;
  /** The lab's public key (`--verify-key`), and how to name it in the output. */
  publicKey?: KeyObject;
  publicKeyName?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX64 = /^[0-9a-f]{64}$/;
/** A file name in the report directory: no path, no `..`. */
const FILE_NAME = /^(?!\.\.?$)[\w.-]+$/;

/** What is wrong with a parsed certificate.json, or undefined when it has the shape verification relies on. */
function problemOf(value: unknown): string | undefined {
  if (!isRecord(value)) return 'it is not a JSON object';
  if (value.format !== CERTIFICATE_FORMAT) return `its "format" is ${JSON.stringify(value.format)}, not "${CERTIFICATE_FORMAT}"`;
  if (!isRecord(value.files)) return '"files" is not an object';
  for (const [name, digest] of Object.entries(value.files)) {
    if (!FILE_NAME.test(name)) return `"files" names ${JSON.stringify(name)}, not a file of the report directory`;
    if (!isRecord(digest) || typeof digest.sha256 !== 'string' || !HEX64.test(digest.sha256) || !Number.isInteger(digest.bytes)) return `"files"."${name}" is not { sha256, bytes }`;
  }
  if (typeof value.verdict !== 'string' || typeof value.harnessVersion !== 'string') return '"verdict" or "harnessVersion" is not a string';
  if (value.suiteHash !== undefined && typeof value.suiteHash !== 'string') return '"suiteHash" is not a string';
  if (!Array.isArray(value.checks)) return '"checks" is not an array';
  const signature = value.signature;
  if (signature !== undefined && (!isRecord(signature) || typeof signature.value !== 'string' || typeof signature.publicKey !== 'string')) return '"signature" is not { algorithm, publicKey, value }';
  return undefined;
}

/** The certificate in `dir`; a UserError (exit 2) when there is none or it is not one. */
export function readCertificate(dir: string): Certificate {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`verify-report: ${dir} is not a directory`, undefined, undefined, 'name the reports folder of a run, e.g. reports');
  const file = join(dir, CERTIFICATE_FILE);
  const unreadable = inputFileProblem(file, 64 * 1024 * 1024);
  if (unreadable) throw new UserError(`verify-report: ${file} ${unreadable}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`verify-report: no ${CERTIFICATE_FILE} in ${dir}`, undefined, undefined, 'paycert run and paycert merge write one beside the reports');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`verify-report: ${file} is not JSON (${(error as Error).message})`);
  }
  const problem = problemOf(parsed);
  if (problem !== undefined) throw new UserError(`verify-report: ${file} is not a paycert certificate: ${problem}`);
  return parsed as Certificate;
}

const short = (hex: string) => hex.slice(0, 12);

function fileFindings(dir: string, certificate: Certificate): Finding[] {
  const findings: Finding[] = [];
  for (const [name, recorded] of Object.entries(certificate.files)) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      findings.push({ word: 'MISSING', subject: name, text: 'listed in the certificate, not in the directory', ok: false });
      continue;
    }
    const special = inputFileProblem(path, Number.MAX_SAFE_INTEGER);
    if (special) {
      findings.push({ word: 'ALTERED', subject: name, text: special, ok: false });
      continue;
    }
    const actual = digestOf(readFileSync(path));
    findings.push(
      actual.sha256 === recorded.sha256
        ? { word: 'ok', subject: name, text: `sha256 ${short(actual.sha256)}… (${actual.bytes} bytes)`, ok: true }
        : { word: 'ALTERED', subject: name, text: `sha256 ${short(actual.sha256)}… (${actual.bytes} bytes), the certificate says ${short(recorded.sha256)}… (${recorded.bytes} bytes)`, ok: false },
    );
  }
  if (certificate.files[REPORT_FILE] === undefined) findings.push({ word: 'MISSING', subject: REPORT_FILE, text: 'the certificate lists no report.json', ok: false });
  for (const name of REPORT_FILES) {
    if (certificate.files[name] === undefined && existsSync(join(dir, name))) {
      findings.push({ word: 'NOT COVERED', subject: name, text: 'in the directory but not in the certificate (another run left it, or it was added)', ok: false });
    }
  }
  return findings;
}

/** Whether the certificate says what report.json says (verdict, counts, every check, identity...). */
function agreementFinding(dir: string, certificate: Certificate): Finding {
  let rebuilt: Certificate;
  try {
    rebuilt = buildCertificate(readReport(dir), certificate.files);
  } catch (error) {
    return { word: 'BAD', subject: CERTIFICATE_FILE, text: `cannot compare with report.json: ${(error as Error).message}`, ok: false };
  }
  const { signature: _a, ...recorded } = certificate as Certificate & Record<string, unknown>;
  const { signature: _b, ...expected } = rebuilt as Certificate & Record<string, unknown>;
  const keys = [...new Set([...Object.keys(recorded), ...Object.keys(expected)])].sort();
  const differing = keys.filter((k) => canonicalJson(recorded[k]) !== canonicalJson(expected[k]));
  if (differing.length === 0) return { word: 'ok', subject: CERTIFICATE_FILE, text: 'says what report.json says', ok: true };
  return { word: 'DIFFERS', subject: CERTIFICATE_FILE, text: `differs from report.json in ${differing.join(', ')}`, ok: false };
}

function suiteFinding(certificate: Certificate, options: VerifyOptions): Finding[] {
  const findings: Finding[] = [];
  if (certificate.suiteHash === undefined) findings.push({ word: 'DIFFERS', subject: 'suite', text: 'the certificate records no suite hash', ok: false });
  else if (certificate.suiteHash === options.suiteHash) findings.push({ word: 'ok', subject: 'suite', text: `suite hash ${short(options.suiteHash)}… is this harness's suite`, ok: true });
  else findings.push({ word: 'DIFFERS', subject: 'suite', text: `the run's suite hash ${short(certificate.suiteHash)}… is not this harness's ${short(options.suiteHash)}… (other specs, probes, properties, contracts or schemas)`, ok: false });
  if (certificate.harnessVersion !== options.harnessVersion) {
    findings.push({ word: 'note', subject: 'harness', text: `made by paycert ${certificate.harnessVersion}, verified with ${options.harnessVersion}`, ok: true });
  }
  return findings;
}

function signatureFinding(certificate: Certificate, options: VerifyOptions): Finding {
  const signature = certificate.signature;
  if (options.publicKey) {
    const name = `${options.publicKeyName ?? 'the given key'} (${keyFingerprint(options.publicKey)})`;
    if (!signature) return { word: 'BAD', subject: 'signature', text: `the certificate is not signed; ${name} was expected`, ok: false };
    return signatureVerifies(certificate, options.publicKey)
      ? { word: 'ok', subject: 'signature', text: `Ed25519, verifies with ${name}`, ok: true }
      : { word: 'BAD', subject: 'signature', text: `does not verify with ${name}`, ok: false };
  }
  if (!signature) return { word: 'note', subject: 'signature', text: 'unsigned: the certificate itself is not protected (sign runs with --sign-key, check with --verify-key)', ok: true };
  let own: KeyObject;
  try {
    own = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return { word: 'BAD', subject: 'signature', text: 'its public key is not an SPKI key', ok: false };
  }
  return signatureVerifies(certificate, own)
    ? { word: 'ok', subject: 'signature', text: `verifies with the key it names (${keyFingerprint(own)}); give --verify-key to check that key is the lab's`, ok: true }
    : { word: 'BAD', subject: 'signature', text: `does not verify, not even with the key it names (${keyFingerprint(own)})`, ok: false };
}

/** Every finding on the reports in `dir`; verified when every one is ok. Throws a UserError on bad input. */
export function verifyReports(dir: string, options: VerifyOptions): { certificate: Certificate; findings: Finding[]; verified: boolean } {
  const certificate = readCertificate(dir);
  const files = fileFindings(dir, certificate);
  const reportIntact = files.some((f) => f.subject === REPORT_FILE && f.word === 'ok');
  const findings = [
    ...files,
    // Compared only with an intact report.json: an altered one is already said.
    ...(reportIntact ? [agreementFinding(dir, certificate)] : []),
    ...suiteFinding(certificate, options),
    signatureFinding(certificate, options),
  ];
  return { certificate, findings, verified: findings.every((f) => f.ok) };
}
