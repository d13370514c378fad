/**
 * The target side of a `Profile` (./profile.ts): to be filled in issue 15, step 2.
 */

export interface TargetSide {}
