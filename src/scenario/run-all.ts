/** Runs loaded scenarios one after another against one target, reporting each result as it ends. */
import type { CheckResult } from '../core/types';
import { runScenario, type ScenarioEnv } from './run-scenario';
import type { LoadedScenario } from './types';

export async function runScenarios(
  scenarios: readonly LoadedScenario[],
  env: ScenarioEnv,
  onResult: (result: CheckResult) => void | Promise<void> = () => undefined,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const scenario of scenarios) {
    const result = await runScenario(scenario, env);
    results.push(result);
    await onResult(result);
  }
  return results;
}
