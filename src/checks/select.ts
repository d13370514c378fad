/**
 * Which checks a run includes: its profile's, by `--tag` (any of), `--check` (ids), less
 * `--exclude-tag`'s (and `--no-pact`'s). Each pattern is an exact word or a glob (`*` any run of
 * characters, dots included; `?` one character), as users of jest and Playwright write them.
 */
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import type { RunOptions } from '../run/context';
import type { Check } from './check';

/** Whether `pattern` has a glob character (then it is matched, not compared). */
export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

/** The pattern as an anchored regular expression: `*` any characters, `?` one, everything else itself. */
function globRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

/** Whether `word` is `pattern`, or matches it when it is a glob. */
export function matches(pattern: string, word: string): boolean {
  return isGlob(pattern) ? globRegExp(pattern).test(word) : pattern === word;
}

const anyMatch = (patterns: readonly string[], word: string) => patterns.some((p) => matches(p, word));

/** The checks of `profile` the run's filters keep, in the order given. */
export function selectChecks(checks: readonly Check[], options: Pick<RunOptions, 'tags' | 'checks' | 'excludeTags'>, profile: string): Check[] {
  const excluded = options.excludeTags ?? [];
  return checks.filter(
    (c) =>
      c.profile === profile &&
      (options.tags.length === 0 || c.info.tags.some((t) => anyMatch(options.tags, t))) &&
      (options.checks.length === 0 || anyMatch(options.checks, c.info.id)) &&
      !c.info.tags.some((t) => anyMatch(excluded, t)),
  );
}

/** The run's filters as the CLI takes them. */
export interface SelectionFilters {
  tags: readonly string[];
  checks: readonly string[];
  excludeTags: readonly string[];
}

/** `pattern` of `--option` names nothing among `known`: one line, with the closest word or the list command. */
function namesNothing(option: string, pattern: string, known: readonly string[], noun: string, list: string, profile: string | undefined): UserError {
  const guess = isGlob(pattern) ? undefined : didYouMean(pattern, known);
  const what = isGlob(pattern) ? `matches no ${noun}` : `is not a ${noun}`;
  const listing = `run 'paycert list ${list}${profile === undefined ? '' : ` --profile ${profile}`}'`;
  const hint = guess ? `did you mean "${guess}"? or ${listing}` : `${isGlob(pattern) ? '* is any characters, ? one; ' : ''}${listing}`;
  return new UserError(`${option} ${pattern} ${what} of this run`, undefined, undefined, hint);
}

/**
 * Refuses a filter that names nothing (exit 2 before any request): an unknown tag or id, or a glob
 * that matches none, among the `registered` checks of the run's profile. A typo must not turn into
 * a run of nothing, or of everything but what was meant to be left out.
 */
export function checkSelection(registered: readonly Check[], filters: SelectionFilters): void {
  const tags = [...new Set(registered.flatMap((c) => c.info.tags))].sort();
  const profile = registered[0]?.profile;
  const ids = registered.map((c) => c.info.id);
  for (const tag of filters.tags) if (!tags.some((t) => matches(tag, t))) throw namesNothing('--tag', tag, tags, 'tag', 'tags', profile);
  for (const tag of filters.excludeTags) if (!tags.some((t) => matches(tag, t))) throw namesNothing('--exclude-tag', tag, tags, 'tag', 'tags', profile);
  for (const id of filters.checks) if (!ids.some((i) => matches(id, i))) throw namesNothing('--check', id, ids, 'check id', 'checks', profile);
}
