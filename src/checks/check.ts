/**
 * A check: a small declarative object with an id, a level, a PROFILE reference, what it needs,
 * and a run. Scenarios (specs/<profile>/*.spec.yaml) and properties (properties/*.property.ts) are both
 * checks; the runner, the reporters and the coverage table see no difference.
 */
import type { CheckInfo, CheckResult } from '../core/types';
import type { ScenarioEnv } from '../scenario/run-scenario';

/** How to run a check: for properties, the fast-check run to make or replay. */
export interface RunParams {
  /** Cases per property (default: the property's own). */
  runs?: number;
  /** Replay: the seed and path a failure reported. */
  seed?: number;
  path?: string;
  /** Replay of a model-based property: the commands' replay path. */
  replayPath?: string;
}

export interface Check {
  info: CheckInfo;
  /** The name of the profile it certifies (a run certifies one; src/profiles/index.ts lists them). */
  profile: string;
  /** The spec or property file that defines it (jest runs checks by file). */
  file: string;
  run(env: ScenarioEnv, params: RunParams): Promise<CheckResult>;
}
