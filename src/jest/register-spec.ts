/** Turns one spec file into jest tests (scripts/jest-spec-transform.js calls this). */
import { scenarioCheck } from '../checks/scenario-check';
import { loadScenarioFile } from '../scenario/load';
import { registerChecks } from './register-checks';

export function registerSpecFile(file: string): void {
  registerChecks(file, loadScenarioFile(file).map(scenarioCheck));
}
