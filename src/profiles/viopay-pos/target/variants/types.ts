/**
 * Variants of the reference target for self-certification (issue 4). A fault is the reference
 * target with ONE rule switched to a mistake real implementers make; a legal variation is the
 * reference target taking a choice PROFILE allows (MAY) or a liberty any implementation may take.
 */
import type { KcvMethod } from '../../../../crypto/kcv';
import type { TargetOptionsInput } from '../options';
import type { PosRules } from '../rules';

export interface FaultVariant {
  /** Stable name: `paycert serve --fault NAME`. */
  name: string;
  /** The mistake, in words. */
  title: string;
  /** The PROFILE clause it breaks (src/profiles/viopay-pos/clauses.ts). */
  clause: string;
  /** MUST: certification must fail. SHOULD: it must warn (and fail with --strict), nothing more. */
  level: 'MUST' | 'SHOULD';
  /** The one rule it switches. */
  rules: Partial<PosRules>;
  /** Check ids known to catch it; the selftest verifies each of them does. */
  caughtBy?: string[];
  /**
   * The conditions the mistake needs to show, not a second rule: a race needs an acquirer round
   * trip as slow as a real one (tens of ms), where the reference target's 5 ms is a window a
   * loaded CI machine can miss.
   */
  conditions?: Pick<TargetOptionsInput, 'gatewayLatencyMs'>;
}

export interface LegalVariation {
  /** Stable name: `paycert serve --variant NAME[,NAME]`. */
  name: string;
  title: string;
  /** The MAY clause it takes, or `liberty`. */
  clause: string;
  options: TargetOptionsInput;
  /** What a target config for it must declare (e.g. kcv_method: legacy). */
  declares?: { kcvMethod?: KcvMethod };
}
