/** The target side of the Viva Terminal inter-app protocol profile (src/profiles/target-side.ts). */
import type { TargetSide } from '../target-side';

export const targetSide: TargetSide = {};
