/**
 * Every registered check: the scenarios of specs/, the probes of probes/, the properties of properties/ and the
 * interactions of the contracts in contracts/. Duplicate ids across them throw. The CLI validates --check and --tag against this; the reporter plans from it.
 */
import { join } from 'node:path';
import { probeChecks } from '../../probes';
import { propertyChecks } from '../../properties';
import { loadScenarios, specFiles } from '../scenario/load';
import { contractFiles, pactChecksOf } from '../pact/checks';
import { CheckRegistry } from './registry';
import { scenarioCheck } from './scenario-check';

export function allChecks(root: string): CheckRegistry {
  return new CheckRegistry([
    ...loadScenarios(specFiles([join(root, 'specs')])).map(scenarioCheck),
    ...probeChecks(),
    ...propertyChecks(),
    ...contractFiles(root).flatMap((file) => pactChecksOf(file)),
  ]);
}
