/**
 * `report.html`: the run for a person, in one self-contained file that opens from file:// with
 * no network. Verdict banner, counts, the checks with filters (status, level, PROFILE section,
 * tag, baseline mark) and a search box, each check with its clause text, seed, level and
 * duration and, for a failure, the decrypted exchanges, expected against actual and the replay
 * commands; then the run's metadata and the coverage table.
 *
 * Every value in the page is escaped (html-escape.ts), and a Content-Security-Policy allows only
 * the page's own style sheet and script, by hash: no request can leave the page, and a value that
 * looked like markup could not run even if it were not escaped.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Reporter } from '../core/reporter';
import type { RunReport } from '../core/types';
import { REPORT_CSS, REPORT_JS } from './html-assets';
import { checkHtml } from './html-check';
import { el, escapeHtml } from './html-escape';
import { writeReportFile } from './files';
import { bannerHtml, countsHtml, coverageHtml, filtersHtml, metadataHtml } from './html-sections';
import { byAttention, verdictWord } from './status';

export const HTML_FILE = 'report.html';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's policy: nothing from anywhere (`default-src 'none'`, no connections, no forms, no
 * base URL), except the inline style sheet and script it ships, named by their SHA-256, and
 * data: images (the empty favicon, so the browser does not ask for /favicon.ico).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(REPORT_CSS)}`,
  `script-src ${sha256(REPORT_JS)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The report as one HTML document (the text of report.html). */
export function htmlReport(report: RunReport): string {
  const title = `paycert: ${verdictWord(report.verdict)} - ${report.profile} - ${report.target.baseUrl}`;
  const checks = byAttention(report.checks).map(checkHtml).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    el('h1', '', 'paycert certification report'),
    el('p', 'sub', `${report.profile} · ${report.target.baseUrl}${report.target.embedded ? ' (embedded reference target)' : ''} · ${report.startedAt} · paycert ${report.harnessVersion}`),
    '</header>',
    '<main>',
    bannerHtml(report),
    countsHtml(report),
    '<nav><a href="#checks">Checks</a><a href="#run">Run</a><a href="#coverage">Coverage</a></nav>',
    `<section id="checks">${el('h2', '', 'Checks')}`,
    filtersHtml(report),
    `<div id="list">\n${checks}\n</div>`,
    '<p id="empty" class="muted" hidden>No check matches these filters.</p>',
    '</section>',
    metadataHtml(report),
    coverageHtml(report),
    '</main>',
    el('footer', '', `Written by paycert ${report.harnessVersion}. Secrets, tokens and card numbers were redacted when the exchanges were recorded; nothing in this file loads anything from the network.`),
    `<script>${REPORT_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Writes `report.html` into `dir` when the run ends. */
export class HtmlReporter implements Reporter {
  /** Where the page is written. */
  readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, HTML_FILE);
  }

  onEnd(report: RunReport): void {
    writeReportFile(this.dir, HTML_FILE, htmlReport(report));
  }
}
