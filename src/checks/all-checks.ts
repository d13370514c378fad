/**
 * Every registered check: the scenarios of specs/ and the properties of properties/. Duplicate ids
 * across both throw. The CLI validates --check and --tag against this; the reporter plans from it.
 */
import { join } from 'node:path';
import { propertyChecks } from '../../properties';
import { loadScenarios, specFiles } from '../scenario/load';
import { CheckRegistry } from './registry';
import { scenarioCheck } from './scenario-check';

export function allChecks(root: string): CheckRegistry {
  return new CheckRegistry([...loadScenarios(specFiles([join(root, 'specs')])).map(scenarioCheck), ...propertyChecks()]);
}
