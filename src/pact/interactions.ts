/** The contract's interactions: every scenario of specs/ with a `contract` block, in file order. */
import { join } from 'node:path';
import { loadScenarios, specFiles } from '../scenario/load';
import { interactionOf, type Interaction } from './interaction';

export function contractInteractions(root: string): Interaction[] {
  return loadScenarios(specFiles([join(root, 'specs')]))
    .filter((s) => s.contract !== undefined)
    .map(interactionOf);
}
