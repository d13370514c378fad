/** The scenario side of the VPWS Dealer Payment Cancellation API profile (src/profiles/scenario-side.ts). */
import type { ScenarioSide } from '../scenario-side';
import { vpwsSessionFor, type VpwsSession } from './session';
import { vpwsCancel } from './step';

export const scenarioSide: ScenarioSide<VpwsSession> = {
  operations: [vpwsCancel],
  states: ['vpws transaction exists'],
  contractStates: ['vpws transaction exists'],
  session: vpwsSessionFor,
};
