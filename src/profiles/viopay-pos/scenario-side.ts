/** The scenario side of the Viopay POS API profile (src/profiles/scenario-side.ts). */
import type { ScenarioSide } from '../scenario-side';

export const scenarioSide: ScenarioSide = {};
