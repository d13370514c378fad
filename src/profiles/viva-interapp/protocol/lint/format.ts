/** Turning lint results into text: pure, so the CLI only writes what this returns. */
import { redactUri } from '../request';
import type { UriLintResult } from './lint';

const MARK = { passed: 'PASS', failed: 'FAIL', warning: 'WARN', skipped: 'SKIP' } as const;

/** A URI's verdict line and, beneath it, each check that did not pass. */
export function formatUriResult(result: UriLintResult): string {
  const lines = [`${result.verdict === 'passed' ? 'PASSED' : 'FAILED'}  ${result.source}  ${redactUri(result.text)}`];
  for (const r of result.results) {
    if (r.status === 'passed') continue;
    const ref = `${r.level}, ${r.ref.seed}, PROFILE ${r.ref.clause}`;
    for (const message of r.messages) lines.push(`  ${MARK[r.status]} ${r.id} [${ref}] ${message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The last line: how many URIs passed and failed, and the warnings. */
export function formatLintSummary(results: readonly UriLintResult[]): string {
  const failed = results.filter((r) => r.verdict === 'failed').length;
  const warnings = results.reduce((n, r) => n + r.results.filter((c) => c.status === 'warning').length, 0);
  const uris = `${results.length} URI${results.length === 1 ? '' : 's'}`;
  return `paycert viva lint: ${failed === 0 ? 'PASSED' : 'FAILED'} - ${uris}, ${results.length - failed} passed, ${failed} failed, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
}
