/** The scenario side of the VPWS Dealer Payment Cancellation API profile (src/profiles/scenario-side.ts). */
import type { ScenarioSide } from '../scenario-side';

export const scenarioSide: ScenarioSide = {};
