/**
 * Writes the report files of a run and then, last, `certificate.json` with the SHA-256 of each
 * file it just wrote. One reporter owns both so the order cannot be got wrong and the certificate
 * lists exactly the files written for this run: a file whose reporter failed is left out (and the
 * error still reaches the ReporterMux), never hashed as an earlier run left it.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Reporter } from '../core/reporter';
import type { CheckInfo, CheckResult, RunInfo, RunReport } from '../core/types';
import { buildCertificate, CERTIFICATE_FILE, digestOf, readSigningKey, signCertificate, type FileDigest } from './certificate';
import { writeReportFile } from './files';

/** A reporter that writes one file when the run ends. */
export interface FileReporter extends Reporter {
  /** The path it writes. */
  readonly file: string;
}

export interface CertificateOptions {
  /** PEM file of the lab's Ed25519 private key: the certificate is signed with it. */
  signKeyFile?: string;
}

/** The certificate as written: pretty JSON (the signature covers the canonical form, not these bytes). */
export const certificateJson = (certificate: object): string => `${JSON.stringify(certificate, null, 2)}\n`;

export class CertifiedReports implements Reporter {
  /** Where the certificate is written. */
  readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly writers: readonly FileReporter[],
    private readonly options: CertificateOptions = {},
  ) {
    this.file = join(dir, CERTIFICATE_FILE);
  }

  async onBegin(run: RunInfo, checks: readonly CheckInfo[]): Promise<void> {
    for (const writer of this.writers) await writer.onBegin?.(run, checks);
  }

  async onCheckEnd(result: CheckResult): Promise<void> {
    for (const writer of this.writers) await writer.onCheckEnd?.(result);
  }

  /** Every report file, then the certificate; throws the first error after doing all it could. */
  async onEnd(report: RunReport): Promise<void> {
    const errors: unknown[] = [];
    const files: Record<string, FileDigest> = {};
    for (const writer of this.writers) {
      try {
        await writer.onEnd?.(report);
        files[basename(writer.file)] = digestOf(readFileSync(writer.file));
      } catch (error) {
        errors.push(error);
      }
    }
    try {
      let certificate = buildCertificate(report, files);
      if (this.options.signKeyFile !== undefined) certificate = signCertificate(certificate, readSigningKey(this.options.signKeyFile));
      writeReportFile(this.dir, CERTIFICATE_FILE, certificateJson(certificate));
    } catch (error) {
      errors.push(error);
    }
    if (errors.length > 0) throw errors[0];
  }
}
