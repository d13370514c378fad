/**
 * The Viopay POS API's part of a resolved target (PROFILE section 4): who the harness signs as,
 * and the key it reads envelopes with. Only this profile's code reads it (`posSettingsOf`).
 */
import type { ResolvedTarget } from '../../config/resolved';
import type { KcvMethod } from '../../crypto/kcv';
import { REFERENCE_CREDENTIALS } from './target/options';

export interface PosSettings {
  terminalId: string;
  keyId: string;
  /** Never printed, logged or reported. */
  hmacSecret: string;
  /** 32 bytes. Never printed, logged or reported. */
  msk: Buffer;
  kcvMethod: KcvMethod;
}

/** The settings of a target that is not a POS API: nothing to sign with (a POS client built for it signs with empty values). */
const NO_POS_SETTINGS: PosSettings = { terminalId: '', keyId: '', hmacSecret: '', msk: Buffer.alloc(0), kcvMethod: 'cmac' };

/** The reference target's published test credentials as settings (never use them outside tests). */
export function publishedPosSettings(): PosSettings {
  return {
    terminalId: REFERENCE_CREDENTIALS.terminalId,
    keyId: REFERENCE_CREDENTIALS.keyId,
    hmacSecret: REFERENCE_CREDENTIALS.hmacSecret,
    msk: Buffer.from(REFERENCE_CREDENTIALS.msk, 'hex'),
    kcvMethod: 'cmac',
  };
}

/** The POS settings of `target`; empty ones for a target of another profile. */
export function posSettingsOf(target: Pick<ResolvedTarget, 'profile' | 'settings'>): PosSettings {
  return target.profile === 'viopay-pos' ? (target.settings as PosSettings) : NO_POS_SETTINGS;
}
