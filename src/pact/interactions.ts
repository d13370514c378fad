/** The scenarios a profile's contract is written from: its scenarios of specs/ with a `contract` block, in file order. */
import { join } from 'node:path';
import { loadScenarios, specFiles } from '../scenario/load';
import type { LoadedScenario } from '../scenario/types';

export function contractScenarios(root: string, profile: string): LoadedScenario[] {
  return loadScenarios(specFiles([join(root, 'specs')])).filter((s) => s.contract !== undefined && s.profile === profile);
}
