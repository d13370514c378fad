/** The target side of the Viopay POS API profile (src/profiles/target-side.ts). */
import type { TargetSide } from '../target-side';

export const targetSide: TargetSide = {};
