/**
 * The VPWS profile's part of a resolved target (PROFILE section 4): the two dealers' tokens. Only
 * this profile's code reads it (`vpwsSettingsOf`).
 */
import type { ResolvedTarget } from '../../config/resolved';
import { VPWS_REFERENCE_TOKENS } from './target/options';

export interface VpwsSettings {
  /** Bearer tokens of the two dealers. Never printed, logged or reported. */
  tokens: { dealer_a?: string; dealer_b?: string };
}

/** The reference target's published test tokens as settings (never use them outside tests). */
export function publishedVpwsSettings(): VpwsSettings {
  return { tokens: { ...VPWS_REFERENCE_TOKENS } };
}

/** The VPWS settings of `target`; no tokens for a target of another profile. */
export function vpwsSettingsOf(target: Pick<ResolvedTarget, 'profile' | 'settings'>): VpwsSettings {
  return target.profile === 'vpws' ? (target.settings as VpwsSettings) : { tokens: {} };
}
