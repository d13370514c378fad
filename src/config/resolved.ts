/** A target config resolved once: complete, validated, defaults filled. Everything downstream reads this. */
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
  /** True for the reference target the harness started itself. */
  embedded: boolean;
  /** Where it came from, for messages. */
  source: string;
}

/** The values that must never appear in a report, log or message. */
export function secretsOf(target: ResolvedTarget): string[] {
  const msk = target.msk.toString('hex');
  return [target.hmacSecret, msk, msk.toUpperCase(), ...Object.values(target.tokens ?? {}).filter((t): t is string => !!t)];
}
