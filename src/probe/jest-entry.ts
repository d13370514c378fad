/**
 * The last line of every probe file: when jest runs that file as a test file (the conformance
 * project), its families' cases become tests; when anything else imports it, nothing happens.
 */
import { scenarioCheck } from '../checks/scenario-check';
import { expandFamily, type ProbeFamily } from './family';

export function registerProbesWhenRunByJest(file: string, families: readonly ProbeFamily[]): void {
  const expectGlobal = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect;
  if (expectGlobal?.getState?.().testPath !== file) return;
  // Loaded only inside a jest test file: the registration needs jest's globals.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { registerChecks } = require('../jest/register-checks') as typeof import('../jest/register-checks');
  registerChecks(file, families.flatMap((family) => expandFamily(family, file)).map(scenarioCheck));
}
