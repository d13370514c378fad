/** The clients of one run against a VPWS target: the VPWS client, when the config gives both dealers' tokens. */
import type { TransportOptions } from '../../client/transport';
import type { ResolvedTarget } from '../../config/resolved';
import type { ScenarioSession } from '../scenario-side';
import { VpwsClient } from './client';
import { vpwsSettingsOf } from './settings';

export interface VpwsSession extends ScenarioSession {
  /** Absent when the config lacks a dealer's token (a step then says so). */
  readonly vpws?: VpwsClient;
}

/** The session of a run against `target`; VPWS has no clock to align (its requests carry no time). */
export function vpwsSessionFor(target: ResolvedTarget, budget: TransportOptions = {}): VpwsSession {
  const { dealer_a, dealer_b } = vpwsSettingsOf(target).tokens;
  const now = () => Date.now();
  return dealer_a && dealer_b ? { now, vpws: new VpwsClient({ baseUrl: target.baseUrl, tokens: { dealer_a, dealer_b } }, budget) } : { now };
}
