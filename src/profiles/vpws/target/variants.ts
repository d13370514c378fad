/**
 * The VPWS catalogue for self-certification (src/profiles/viopay-pos/target/variants/'s, for section 2): faults
 * (./faults-auth.ts, ./faults-cancel.ts) and legal variations (./variations.ts). Names carry a
 * `vpws-` prefix so that they never clash with the other catalogues when a CLI lists them all.
 */
import { byName } from '../../../target-kit/by-name';
import { VPWS_AUTH_FAULTS } from './faults-auth';
import { VPWS_CANCEL_FAULTS } from './faults-cancel';
import type { VpwsFaultVariant, VpwsLegalVariation } from './variant-types';
import { VPWS_VARIATIONS } from './variations';

export type { VpwsClause, VpwsFaultVariant, VpwsLegalVariation } from './variant-types';
export { VPWS_VARIATIONS } from './variations';

export const VPWS_FAULTS: VpwsFaultVariant[] = [...VPWS_AUTH_FAULTS, ...VPWS_CANCEL_FAULTS];

/** The VPWS faults by name (a duplicate name throws at load). */
export const VPWS_FAULTS_BY_NAME: ReadonlyMap<string, VpwsFaultVariant> = byName('VPWS fault', VPWS_FAULTS);
/** The VPWS legal variations by name. */
export const VPWS_VARIATIONS_BY_NAME: ReadonlyMap<string, VpwsLegalVariation> = byName('VPWS variation', VPWS_VARIATIONS);
