/**
 * The clients of one run against a Viopay POS target: the signed POS client, whose clock follows
 * the target's (`prepare`). Properties and probes (POS conformance material) reach the client of a
 * run's environment through `posClientOf`.
 */
import { PosClient, type ClientOptions } from '../../client/pos-client';
import type { ResolvedTarget } from '../../config/resolved';
import { DEFAULT_USER_AGENT } from '../../profile/pos';
import type { ScenarioSession } from '../scenario-side';
import { estimateClockOffset } from './clock';
import { posSettingsOf } from './settings';

export interface PosSession extends ScenarioSession {
  readonly client: PosClient;
  /** The target it signs for (its cards and terminal go in the default charge). */
  readonly target: ResolvedTarget;
}

/** The signed client for `target`, as `target`'s terminal. */
export function posClientFor(target: ResolvedTarget, options: ClientOptions = {}): PosClient {
  const { terminalId, keyId, hmacSecret, msk, kcvMethod } = posSettingsOf(target);
  return new PosClient({ baseUrl: target.baseUrl, terminalId, keyId, hmacSecret, msk, kcvMethod, userAgent: DEFAULT_USER_AGENT }, options);
}

/** The session of a run against `target`. */
export function posSessionFor(target: ResolvedTarget, options: ClientOptions = {}): PosSession {
  const client = posClientFor(target, options);
  return { client, target, now: () => client.now() };
}

/** Aligns the session's clock with the target's `Date` header; a target that does not answer leaves it as it is (each check then fails on its own). */
export async function alignClock(session: PosSession): Promise<void> {
  session.client.setClockOffset(await estimateClockOffset(session.client).catch(() => 0));
}

/** The POS client of a run's environment. @throws Error when the run is not against a POS target (a harness bug) */
export function posClientOf(env: { session: ScenarioSession }): PosClient {
  const client = (env.session as Partial<PosSession>).client;
  if (!(client instanceof PosClient)) throw new Error('this check needs the POS client: it runs only against a viopay-pos target');
  return client;
}
