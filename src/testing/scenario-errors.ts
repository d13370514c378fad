/** For tests: what loading a scenario file says, as the one-line errors a user sees. */
import { UserError, UserErrors } from '../core/errors';
import { parseScenarioFile } from '../scenario/load';

/** Every one-line error of loading `text` as `file` (empty: it loads). */
export function scenarioFileErrors(text: string, file = 'f.spec.yaml'): string[] {
  try {
    parseScenarioFile(file, text);
    return [];
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.oneLine());
    if (error instanceof UserError) return [error.oneLine()];
    throw error;
  }
}
