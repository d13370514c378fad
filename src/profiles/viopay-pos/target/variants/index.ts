/**
 * The catalogue of variants, by name. Names are unique (a duplicate throws at load); the CLI and
 * the selftest may only name registered variants (the profile's target side looks them up).
 */
import { byName } from '../../../../target-kit/by-name';
import { AUTH_FAULTS } from './faults-auth';
import { ENVELOPE_FAULTS } from './faults-envelope';
import { NEAR_MISS_FAULTS } from './faults-near-miss';
import { PAYMENT_FAULTS } from './faults-payments';
import type { FaultVariant, LegalVariation } from './types';
import { VARIATIONS } from './variations';

export type { FaultVariant, LegalVariation } from './types';

export const FAULTS: ReadonlyMap<string, FaultVariant> = byName('fault', [...AUTH_FAULTS, ...ENVELOPE_FAULTS, ...PAYMENT_FAULTS, ...NEAR_MISS_FAULTS]);
export const LEGAL_VARIATIONS: ReadonlyMap<string, LegalVariation> = byName('variation', VARIATIONS);
