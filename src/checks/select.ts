/** Which checks a run includes: its profile's, by `--tag` (any of) and `--check` (exact ids), less `--no-pact`'s. */
import type { RunOptions } from '../run/context';
import type { Check } from './check';

export function selectChecks(checks: readonly Check[], options: Pick<RunOptions, 'tags' | 'checks' | 'excludeTags'>, profile: string): Check[] {
  return checks.filter(
    (c) =>
      c.profile === profile &&
      (options.tags.length === 0 || c.info.tags.some((t) => options.tags.includes(t))) &&
      (options.checks.length === 0 || options.checks.includes(c.info.id)) &&
      !c.info.tags.some((t) => options.excludeTags?.includes(t)),
  );
}
