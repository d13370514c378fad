/**
 * The shape of the VPWS catalogue (src/profiles/viopay-pos/target/variants/types.ts's, for section 2): a fault is the
 * reference target with ONE rule switched to a mistake real implementers make; a legal variation
 * takes a choice PROFILE section 2 allows (MAY) or a liberty any implementation may take.
 */
import type { VpwsTargetOptionsInput } from './options';
import type { VpwsRules } from './rules';

/** The clauses of PROFILE section 2 (../clauses.ts defines their texts). */
export type VpwsClause =
  | '2/cancel-success'
  | '2/response-shape'
  | '2/free-fields'
  | '2/auth'
  | '2/token-exact'
  | '2/other-dealer'
  | '2/not-cancellable'
  | '2/reference-required'
  | '2/repeat-cancel'
  | '2/no-5xx';

export interface VpwsFaultVariant {
  /** Stable name: `paycert serve --profile vpws --fault NAME`. */
  name: string;
  /** The mistake, in words. */
  title: string;
  /** The PROFILE clause it breaks. */
  clause: VpwsClause;
  /** MUST: certification must fail. SHOULD: it must warn (and fail with --strict), nothing more. */
  level: 'MUST' | 'SHOULD';
  /** The one rule it switches. */
  rules: Partial<VpwsRules>;
  /** Check ids known to catch it: the selftest holds the fault missed unless each of them fails. */
  caughtBy?: string[];
}

export interface VpwsLegalVariation {
  /** Stable name: `paycert serve --profile vpws --variant NAME[,NAME]`. */
  name: string;
  title: string;
  /** The MAY clause it takes, or `liberty`. */
  clause: VpwsClause | 'liberty';
  options: VpwsTargetOptionsInput;
}
