/** The clients of one run against a Viva terminal: the Viva client, through the terminal's HTTP adapter. */
import type { TransportOptions } from '../../client/transport';
import type { ResolvedTarget } from '../../config/resolved';
import type { ScenarioSession } from '../scenario-side';
import { vivaClientFor, type VivaClient } from './client';
import { vivaSettingsOf } from './settings';

export interface VivaSession extends ScenarioSession {
  readonly viva?: VivaClient;
}

/** The session of a run against `target`. */
export function vivaSessionFor(target: ResolvedTarget, budget: TransportOptions = {}): VivaSession {
  return { now: () => Date.now(), viva: vivaClientFor(target.baseUrl, vivaSettingsOf(target), budget) };
}
