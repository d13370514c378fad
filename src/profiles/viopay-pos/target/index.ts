/** The reference target: a conformant Viopay POS API on 127.0.0.1, and the base of faulty variants. */
export { startReferenceTarget, type RunningTarget } from './server';
export {
  DEFAULT_LIBERTIES,
  DEFAULT_MAY,
  REFERENCE_CREDENTIALS,
  resolveTargetOptions,
  type Liberties,
  type MayChoices,
  type TargetOptions,
  type TargetOptionsInput,
} from './options';
export { STATE_HOOK_PATH } from '../../../target-kit/state-request';
export { referenceRules, type PosRules, type RuleContext } from './rules';
export type { Rejection } from './rejection';
