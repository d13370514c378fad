/**
 * The contract side of the VPWS Dealer Payment Cancellation API profile (src/profiles/contract-side.ts):
 * a dealer's system is the consumer; the verifier puts in the dealers' tokens from the target config.
 */
import type { ContractSide } from '../contract-side';
import { VPWS_CONTRACT_NAMES } from './contract/names';
import { prepareTokenRequest, vpwsStates, type VpwsComment } from './contract/request';
import { vpwsSettingsOf } from './settings';

export const contractSide: ContractSide = {
  names: VPWS_CONTRACT_NAMES,
  stateHookStates: ['vpws transaction exists'],
  checkId: (interaction) => `pact.vpws.${interaction.replace(/^vpws\.contract\./, '')}`,
  checkTitle: (description) => `Pact interaction "${description}" verified with the dealers' tokens`,
  async generate(scenarios, dir, names) {
    // pact-js is loaded when a contract is written, not whenever the registry is.
    const [{ generateVpwsContract }, { vpwsInteractionOf }] = await Promise.all([import('./contract/consumer'), import('./contract/interaction')]);
    return generateVpwsContract(scenarios.map(vpwsInteractionOf), dir, names);
  },
  verifier(target, budget) {
    const settings = vpwsSettingsOf(target);
    return {
      states: vpwsStates(target, budget, settings),
      prepareRequest: (req, comment) => prepareTokenRequest(req, comment as VpwsComment, settings),
      answerProblems: () => [],
    };
  },
};
