/** A YAML scenario as a check. */
import { checkInfoOf } from '../scenario/check-info';
import { runScenario } from '../scenario/run-scenario';
import type { LoadedScenario } from '../scenario/types';
import type { Check } from './check';

export function scenarioCheck(scenario: LoadedScenario): Check {
  return { info: checkInfoOf(scenario), profile: scenario.profile, file: scenario.file, run: (env) => runScenario(scenario, env) };
}
