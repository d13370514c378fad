/** The POS contract's interactions: every viopay-pos scenario of specs/ with a `contract` block, in file order. */
import { join } from 'node:path';
import { loadScenarios, specFiles } from '../scenario/load';
import { interactionOf, type Interaction } from './interaction';
import { vpwsInteractionOf, type VpwsInteraction } from '../profiles/vpws/pact-interaction';

export function contractInteractions(root: string): Interaction[] {
  return loadScenarios(specFiles([join(root, 'specs')]))
    .filter((s) => s.contract !== undefined && s.profile === 'viopay-pos')
    .map(interactionOf);
}

/** The VPWS contract's interactions. */
export function vpwsContractInteractions(root: string): VpwsInteraction[] {
  return loadScenarios(specFiles([join(root, 'specs')]))
    .filter((s) => s.contract !== undefined && s.profile === 'vpws')
    .map(vpwsInteractionOf);
}
