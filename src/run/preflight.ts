/**
 * Before the suite: one request that must work if the configuration is right (each profile says
 * which: its target side's `preflight`). When the target refuses it, or answers 404 where the API
 * must be, every check would fail for the same reason, and that reason is the user's, not the
 * target's: the run stops with one line naming the likely cause (exit 2) instead of hundreds of
 * failures.
 */
import { TransportError } from '../client/transport';
import type { ResolvedTarget } from '../config/resolved';
import { profileNamed } from '../profiles';

/** Why the run cannot be meaningful, in one line; null when the probe went through. */
export type Diagnosis = string | null;

/**
 * Sends the preflight request of the target's profile. Only what points at the configuration is a
 * diagnosis (credentials refused, no API at the base URL); a target that answers the probe wrongly
 * in any other way (a 400, a 5xx, a bad envelope) is left to the checks, which report it as the
 * target's fault.
 */
export async function preflight(target: ResolvedTarget, timeoutMs: number, maxAnswerBytes?: number): Promise<Diagnosis> {
  try {
    return await profileNamed(target.profile).target.preflight(target, { timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }) });
  } catch (error) {
    if (error instanceof TransportError) return `no answer from ${target.baseUrl}: ${error.message}`;
    throw error;
  }
}
