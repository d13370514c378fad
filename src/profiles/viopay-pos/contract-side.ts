/**
 * The contract side of the Viopay POS API profile (src/profiles/contract-side.ts): the POS terminal
 * is the consumer; bodies are TR31-DATA envelopes under the published test MSK in the contract,
 * re-encrypted and re-signed for the target by the verifier (contract/request.ts).
 */
import type { ContractSide } from '../contract-side';
import { POS_CONTRACT_NAMES } from './contract/names';
import { decryptedAnswerProblems, prepareSignedRequest, type PosComment } from './contract/request';
import { posStates } from './contract/states';
import { posClientFor } from './session';
import { posSettingsOf } from './settings';

export const contractSide: ContractSide = {
  names: POS_CONTRACT_NAMES,
  stateHookStates: ['a settled charge'],
  checkId: (interaction) => `pact.${interaction.replace(/^pos\.contract\./, '')}`,
  checkTitle: (description) => `Pact interaction "${description}" verified through the envelope and the signature`,
  async generate(scenarios, dir, names) {
    // pact-js is loaded when a contract is written, not whenever the registry is.
    const [{ generateContract }, { interactionOf }] = await Promise.all([import('./contract/consumer'), import('./contract/interaction')]);
    return generateContract(scenarios.map(interactionOf), dir, names);
  },
  verifier(target, budget) {
    const settings = posSettingsOf(target);
    const client = posClientFor(target, { timeoutMs: budget.timeoutMs, ...(budget.maxAnswerBytes !== undefined && { maxResponseBytes: budget.maxAnswerBytes }) });
    return {
      states: posStates(client, target, budget),
      prepareRequest: (req, comment) => prepareSignedRequest(req, comment as PosComment, settings),
      answerProblems: (comment, status, body) => decryptedAnswerProblems(comment as PosComment, status, body, settings),
    };
  },
};
