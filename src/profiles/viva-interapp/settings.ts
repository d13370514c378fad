/**
 * The Viva Terminal inter-app profile's part of a resolved target (PROFILE 3, section 4): what the
 * request URIs carry. Only this profile's code reads it (`vivaSettingsOf`).
 */
import type { ResolvedTarget } from '../../config/resolved';

/** What a Viva terminal run puts in its request URIs (PROFILE 3). */
export interface VivaSettings {
  /** Never printed, logged or reported. */
  merchantKey: string;
  appId: string;
  aadeProviderId: string;
  /** The AADE provider's private key (PEM) the terminal trusts; absent: a key made for the run. Never printed. */
  aadePrivateKeyPem?: string;
}

export const DEFAULT_VIVA_SETTINGS: VivaSettings = { merchantKey: 'paycert-test-merchant-key', appId: 'io.paycert.harness', aadeProviderId: '999' };

/** The Viva settings of `target`; the defaults for a target of another profile. */
export function vivaSettingsOf(target: Pick<ResolvedTarget, 'profile' | 'settings'>): VivaSettings {
  return target.profile === 'viva-interapp' ? (target.settings as VivaSettings) : DEFAULT_VIVA_SETTINGS;
}
