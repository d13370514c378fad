/** The target side of the VPWS Dealer Payment Cancellation API profile (src/profiles/target-side.ts). */
import type { TargetSide } from '../target-side';

export const targetSide: TargetSide = {};
