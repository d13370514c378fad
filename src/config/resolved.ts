/** A target config resolved once: complete, validated, defaults filled. Everything downstream reads this. */
import { createHash } from 'node:crypto';
import type { KcvMethod } from '../crypto/kcv';

export type ProfileName = 'viopay-pos' | 'vpws' | 'viva-interapp';

export interface ResolvedTarget {
  profile: ProfileName;
  /** No trailing slash. */
  baseUrl: string;
  terminalId: string;
  keyId: string;
  /** Never printed, logged or reported. */
  hmacSecret: string;
  /** 32 bytes. Never printed, logged or reported. */
  msk: Buffer;
  kcvMethod: KcvMethod;
  stateUrl?: string;
  cards: { approved: string; declined: string; pending?: string };
  tokens?: { dealer_a?: string; dealer_b?: string };
  /** viva-interapp: what the request URIs carry (defaults filled). */
  viva?: VivaSettings;
  /** True for the reference target the harness started itself. */
  embedded: boolean;
  /** Where it came from, for messages. */
  source: string;
}

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

/** The values that must never appear in a report, log or message. */
export function secretsOf(target: ResolvedTarget): string[] {
  const msk = target.msk.toString('hex');
  const viva = target.viva ? [target.viva.merchantKey, target.viva.aadePrivateKeyPem ?? ''] : [];
  return [target.hmacSecret, msk, msk.toUpperCase(), ...Object.values(target.tokens ?? {}), ...viva].filter((t): t is string => !!t);
}

/**
 * Who a run certified and with what, with every secret left out: the target config's public
 * fields, its source file, and a SHA-256 over them (the same config, secrets aside, gives the same
 * hash; a changed URL, key id, card or setting gives another).
 */
export function targetIdentity(target: ResolvedTarget): { terminalId: string; keyId: string; kcvMethod: string; configPath?: string; configHash: string } {
  const { hmacSecret: _secret, msk: _msk, tokens, viva, source, embedded, ...open } = target;
  const publicViva = viva ? { appId: viva.appId, aadeProviderId: viva.aadeProviderId, aadeKey: viva.aadePrivateKeyPem !== undefined } : undefined;
  const fingerprint = JSON.stringify({ ...open, tokens: Object.keys(tokens ?? {}).sort(), viva: publicViva, embedded });
  const identity = { terminalId: target.terminalId, keyId: target.keyId, kcvMethod: target.kcvMethod, configHash: createHash('sha256').update(fingerprint).digest('hex') };
  return embedded || source === target.baseUrl ? identity : { ...identity, configPath: source };
}
