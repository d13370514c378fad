/** A run's environment for a resolved target: its profile and the session of clients that profile builds. */
import type { ResolvedTarget } from '../config/resolved';
import { profileNamed, type Profile } from '../profiles';
import type { ScenarioSession } from '../profiles/scenario-side';

export interface ScenarioEnv {
  /** The target's profile, whose operations the steps are. */
  profile: Profile;
  /** The clients of this run (the profile's scenario side builds them; its own code reads them). */
  session: ScenarioSession;
  target: ResolvedTarget;
  /** Unique per run, so idempotency keys and the like do not collide with earlier runs. */
  runId: string;
  /** Per-request timeout for the state hook, ms. */
  timeoutMs: number;
  /** The answer budget for the state hook, bytes (default: the transport's). */
  maxAnswerBytes?: number;
}

/**
 * Everything a check needs to talk to this target, within the run's budgets: `timeoutMs` for
 * each whole exchange, `maxAnswerBytes` read of each answer (default: the transport's).
 */
export function envFor(target: ResolvedTarget, runId: string, timeoutMs: number, maxAnswerBytes?: number): ScenarioEnv {
  const profile = profileNamed(target.profile);
  const budget = { timeoutMs, ...(maxAnswerBytes !== undefined && { maxResponseBytes: maxAnswerBytes }) };
  return { profile, session: profile.scenario.session(target, budget), target, runId, timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }) };
}

/** Readies the session before a run's first check (the profile's `prepare`: a clock aligned to the target's, say). */
export async function prepareEnv(env: ScenarioEnv): Promise<void> {
  await env.profile.scenario.prepare?.(env.session);
}
