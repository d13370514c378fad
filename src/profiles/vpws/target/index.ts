/** The VPWS reference target: a conformant Dealer Payment Cancellation API on 127.0.0.1, and its variants. */
export { startVpwsTarget, type RunningVpwsTarget } from './server';
export {
  DEFAULT_VPWS_LIBERTIES,
  DEFAULT_VPWS_MAY,
  VPWS_CANCEL_PATH,
  VPWS_REFERENCE_TOKENS,
  VPWS_STATE_HOOK_PATH,
  resolveVpwsTargetOptions,
  type VpwsLiberties,
  type VpwsMayChoices,
  type VpwsTargetOptions,
  type VpwsTargetOptionsInput,
} from './options';
export { referenceVpwsRules, type VpwsContext, type VpwsRules } from './rules';
export { VPWS_TRANSACTION_STATE } from './state-hook';
export { VpwsStore } from './store';
export type { Dealer, VpwsOutcome, VpwsRefusal, VpwsResponseBody, VpwsTransaction } from './types';
export {
  VPWS_FAULTS,
  VPWS_FAULTS_BY_NAME,
  VPWS_VARIATIONS,
  VPWS_VARIATIONS_BY_NAME,
  type VpwsClause,
  type VpwsFaultVariant,
  type VpwsLegalVariation,
} from './variants';
export { vpwsShapeProblems } from './shape';
