/** Which scenarios a run includes: `--tag` (any of) and `--check` (exact ids). */
import type { LoadedScenario } from '../scenario/types';
import type { RunOptions } from './context';

export function selectScenarios(scenarios: readonly LoadedScenario[], options: Pick<RunOptions, 'tags' | 'checks'>): LoadedScenario[] {
  return scenarios.filter(
    (s) =>
      (options.tags.length === 0 || (s.tags ?? []).some((t) => options.tags.includes(t))) &&
      (options.checks.length === 0 || options.checks.includes(s.id)),
  );
}
