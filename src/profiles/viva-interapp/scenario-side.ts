/** The scenario side of the Viva Terminal inter-app protocol profile (src/profiles/scenario-side.ts). */
import type { ScenarioSide } from '../scenario-side';

export const scenarioSide: ScenarioSide = {};
