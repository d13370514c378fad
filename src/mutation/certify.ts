/**
 * One check against a fresh reference target of its profile, in this process: the unit of work of
 * the mutation runner (mutation/runner/). It does what `paycert selftest` does for one variant
 * (src/selftest/run-selftest.ts), check by check: a fresh target per check makes a check's verdict
 * independent of which other checks ran before it, which a mutant run needs, as it runs only the
 * checks that cover the mutant.
 */
import type { Check } from '../checks/check';
import { allChecks } from '../checks/all-checks';
import type { ProfileName, ResolvedTarget } from '../config/resolved';
import type { CheckResult } from '../core/types';
import { envFor } from '../scenario/env';
import { profileNamed, profileNames } from '../profiles';

/** Every profile whose reference target is mutated (all the registry's). */
export const MUTATION_PROFILES: readonly ProfileName[] = profileNames();

/** How a check is run under mutation. */
export interface CertifyOptions {
  /** Per request, ms: a hung target fails the check this soon instead of stalling the run. */
  timeoutMs: number;
  /** Cases per property (the selftest's 5 by default). */
  runs: number;
  /** fast-check seed: the same cases on every run, so a verdict depends on the mutant only. */
  seed: number;
}

export const DEFAULT_CERTIFY_OPTIONS: CertifyOptions = { timeoutMs: 5_000, runs: 5, seed: 20_250_101 };

/**
 * The checks of one profile, sorted by id (a stable order). The Pact checks are left out, as in
 * the selftest: they repeat contract scenarios that are here already.
 */
export function checksOfProfile(root: string, profile: ProfileName): Check[] {
  return allChecks(root)
    .all()
    .filter((c) => c.profile === profile && !c.info.tags.includes('pact'))
    .sort((a, b) => (a.info.id < b.info.id ? -1 : a.info.id > b.info.id ? 1 : 0));
}

/** Starts the reference target of a profile, as the selftest does, and resolves it for the checks. */
export async function startProfileTarget(profile: ProfileName): Promise<{ target: ResolvedTarget; close(): Promise<void> }> {
  const running = await profileNamed(profile).target.start();
  return { target: running.target, close: () => running.close() };
}

/**
 * Runs one check against a fresh target of its profile; the target is closed before this returns.
 * A check that throws (rather than failing) is reported as failed with the error's message.
 */
export async function certifyOne(check: Check, options: CertifyOptions = DEFAULT_CERTIFY_OPTIONS): Promise<CheckResult> {
  const started = performance.now();
  const { target, close } = await startProfileTarget(check.profile);
  try {
    const env = envFor(target, `mutation-${check.info.id}`, options.timeoutMs);
    return await check.run(env, { runs: options.runs, seed: options.seed });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { id, title, level } = check.info;
    return { check: check.info, status: 'failed', durationMs: performance.now() - started, failure: { checkId: id, title, level, message: `the check threw: ${message}` } };
  } finally {
    await close();
  }
}
