/**
 * The reporters of a certification run: console progress, and report.json, junit.xml,
 * summary.md and report.html in a directory. They consume the core's values (core/types.ts) and nothing else.
 */
import type { Reporter } from '../core/reporter';
import { makeDirectory } from './files';
import { JsonReporter } from './json-reporter';
import { HtmlReporter } from './html-reporter';
import { JunitReporter } from './junit-reporter';
import { MarkdownReporter } from './markdown-reporter';
import { CertifiedReports, type CertificateOptions } from './certificate-reporter';

export { formatFailure, paycertCommand, REPLAY_NOTE, type FormatOptions } from './failure-format';
export { buildCoverage, uncoveredClauses, coverageMarkdown, UNCOVERED_MARK } from './coverage';
export { JsonReporter, reportJson, REPORT_FILE, REPORT_FORMAT } from './json-reporter';
export { JunitReporter, junitXml, JUNIT_FILE } from './junit-reporter';
export { MarkdownReporter, summaryMarkdown, SUMMARY_FILE } from './markdown-reporter';
export { HtmlReporter, htmlReport, HTML_FILE } from './html-reporter';
export { ConsoleReporter, colorEnabled, verdictLine, type ConsoleOptions, type Writable } from './console-reporter';
export { progressMode, type ProgressMode } from './progress';
export { mergeReports, readReport } from './merge';
export { CERTIFICATE_FILE, CERTIFICATE_FORMAT, buildCertificate, canonicalJson, readSigningKey, readVerifyKey, type Certificate } from './certificate';
export { CertifiedReports, type CertificateOptions } from './certificate-reporter';

/** The reporters `--reporter` chooses from: the console, and the report files by their kind. */
export const REPORTER_NAMES = ['console', 'json', 'junit', 'md', 'html'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];
/** The file reporters' names (all but the console), in the order they write. */
export type FileReporterName = Exclude<ReporterName, 'console'>;
const FILE_REPORTER_NAMES: readonly FileReporterName[] = ['json', 'junit', 'md', 'html'];

/**
 * The file reporters writing into `dir`, created if needed: report.json, junit.xml, summary.md,
 * report.html (or those of `only`), and, when report.json is among them, last certificate.json with
 * the SHA-256 of each file written (signed with `signKeyFile`). The certificate goes with the JSON
 * report because it vouches for that report's verdict; without report.json there is none.
 * A new report file goes in the list below, so the certificate covers it.
 */
export function fileReporters(dir: string, options: CertificateOptions = {}, only: readonly FileReporterName[] = FILE_REPORTER_NAMES): Reporter[] {
  const make: Record<FileReporterName, () => Reporter & { file: string }> = {
    json: () => new JsonReporter(dir),
    junit: () => new JunitReporter(dir),
    md: () => new MarkdownReporter(dir),
    html: () => new HtmlReporter(dir),
  };
  const writers = FILE_REPORTER_NAMES.filter((name) => only.includes(name)).map((name) => make[name]());
  if (writers.length === 0) return [];
  makeDirectory(dir);
  return only.includes('json') ? [new CertifiedReports(dir, writers, options)] : writers;
}
