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
export { mergeReports, readReport } from './merge';
export { CERTIFICATE_FILE, CERTIFICATE_FORMAT, buildCertificate, canonicalJson, readSigningKey, readVerifyKey, type Certificate } from './certificate';
export { CertifiedReports, type CertificateOptions } from './certificate-reporter';

/**
 * The file reporters writing into `dir`, created if needed: report.json, junit.xml, summary.md,
 * report.html, and last certificate.json with the SHA-256 of each (signed with `signKeyFile`).
 * A new report file goes in the list below, so the certificate covers it.
 */
export function fileReporters(dir: string, options: CertificateOptions = {}): Reporter[] {
  makeDirectory(dir);
  return [new CertifiedReports(dir, [new JsonReporter(dir), new JunitReporter(dir), new MarkdownReporter(dir), new HtmlReporter(dir)], options)];
}
