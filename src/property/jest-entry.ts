/**
 * The last line of every property file: when jest runs that file as a test file (the conformance
 * project), its properties become tests; when anything else imports it, nothing happens.
 */
import { propertyCheck } from '../checks/property-check';
import type { PropertyDefinition } from './types';

export function registerWhenRunByJest(file: string, defs: ReadonlyArray<PropertyDefinition<never>>): void {
  const expectGlobal = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect;
  if (expectGlobal?.getState?.().testPath !== file) return;
  // Loaded only inside a jest test file: the registration needs jest's globals.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { registerChecks } = require('../jest/register-checks') as typeof import('../jest/register-checks');
  registerChecks(file, defs.map((def) => propertyCheck(def as PropertyDefinition<unknown>, file)));
}
