/**
 * The reporters of a certification run: console progress, and report.json, junit.xml,
 * summary.md and report.html in a directory. They consume the core's values (core/types.ts) and nothing else.
 */
import { mkdirSync } from 'node:fs';
import type { Reporter } from '../core/reporter';
import { JsonReporter } from './json-reporter';
import { HtmlReporter } from './html-reporter';
import { JunitReporter } from './junit-reporter';
import { MarkdownReporter } from './markdown-reporter';

export { formatFailure, paycertCommand, REPLAY_NOTE, type FormatOptions } from './failure-format';
export { buildCoverage, uncoveredClauses, coverageMarkdown, UNCOVERED_MARK } from './coverage';
export { JsonReporter, reportJson, REPORT_FILE, REPORT_FORMAT } from './json-reporter';
export { JunitReporter, junitXml, JUNIT_FILE } from './junit-reporter';
export { MarkdownReporter, summaryMarkdown, SUMMARY_FILE } from './markdown-reporter';
export { HtmlReporter, htmlReport, HTML_FILE } from './html-reporter';
export { ConsoleReporter, colorEnabled, verdictLine, type ConsoleOptions, type Writable } from './console-reporter';
export { mergeReports, readReport } from './merge';

/** The file reporters (report.json, junit.xml, summary.md, report.html) writing into `dir`, created if needed. */
export function fileReporters(dir: string): Reporter[] {
  mkdirSync(dir, { recursive: true });
  return [new JsonReporter(dir), new JunitReporter(dir), new MarkdownReporter(dir), new HtmlReporter(dir)];
}
