/**
 * Linting a client app's request URIs: every registered check on each URI, one verdict per URI.
 * Pure: the CLI prints what this returns.
 */
import { VIVA_CLAUSES } from '../../clauses';
import type { CheckStatus, Level } from '../../../../core/types';
import { statusOfFailure } from '../../../../core/verdict';
import { parseRequestUri } from '../request';
import { URI_CHECKS } from './registry';
import type { LintContext, UriCheck } from './uri-check';

export interface UriCheckResult {
  id: string;
  title: string;
  level: Level;
  /** Seed file and PROFILE clause. */
  ref: { seed: string; clause: string };
  status: CheckStatus;
  /** The problems (failed, warning) or the reason (skipped). */
  messages: string[];
}

export interface UriLintResult {
  /** Where the URI came from: `file:line`, or `argument N`. */
  source: string;
  text: string;
  results: UriCheckResult[];
  verdict: 'passed' | 'failed';
}

function refOf(check: UriCheck): UriCheckResult['ref'] {
  return { seed: VIVA_CLAUSES.find((c) => c.id === check.clause)?.seed ?? 'unknown', clause: check.clause };
}

/** Runs `checks` on one URI. A text that is not a URI fails `viva.request.uri` alone. */
export function lintUri(source: string, text: string, ctx: LintContext, strict = false, checks: readonly UriCheck[] = URI_CHECKS): UriLintResult {
  const parsed = parseRequestUri(text);
  const results: UriCheckResult[] = checks.map((check) => {
    const base = { id: check.id, title: check.title, level: check.level, ref: refOf(check) };
    if (!parsed.ok) {
      return check.clause === '3/request-uri'
        ? { ...base, status: 'failed', messages: [parsed.problem] }
        : { ...base, status: 'skipped', messages: ['the text is not a URI'] };
    }
    const outcome = check.run(parsed.request, ctx);
    if ('skipped' in outcome) return { ...base, status: 'skipped', messages: [outcome.skipped] };
    if (outcome.problems.length === 0) return { ...base, status: 'passed', messages: [] };
    return { ...base, status: statusOfFailure(check.level), messages: outcome.problems };
  });
  const failed = results.some((r) => r.status === 'failed' || (strict && r.status === 'warning'));
  return { source, text, results, verdict: failed ? 'failed' : 'passed' };
}

/**
 * The URIs in a log: one a line. Where a line holds more (a timestamp, a logger's prefix), the
 * URI is taken from `vivapayclient://` to the next space; blank lines and `#` comments are skipped.
 */
export function urisOfLines(content: string, file: string): Array<{ source: string; text: string }> {
  const found: Array<{ source: string; text: string }> = [];
  for (const [i, raw] of content.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('vivapayclient://');
    const text = at > 0 ? line.slice(at).split(/\s/)[0]! : line;
    found.push({ source: `${file}:${i + 1}`, text });
  }
  return found;
}
