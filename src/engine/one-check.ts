/**
 * One check of a run, as every runner runs it: skipped with the reason when the target lacks what
 * it needs, its exceptions turned into a harness-error result, its failure given the command that
 * replays it against this run's target, redacted, its evidence bounded (core/evidence.ts), and
 * marked by the run's baseline.
 */
import type { Check, RunParams } from '../checks/check';
import type { Redactor } from '../core/redactor';
import type { CheckResult } from '../core/types';
import { withBaseline } from '../core/baseline';
import { boundResult } from '../core/evidence';
import type { RunContext } from '../run/context';
import { withReplayTarget } from '../run/replay-target';
import { missingNeed, type ScenarioEnv } from '../scenario/run-scenario';

export interface CheckRunContext {
  ctx: RunContext;
  env: ScenarioEnv;
  params: RunParams;
  redactor: Redactor;
  /** The options that name this run's target in a replay command. */
  replayTarget: readonly string[];
}

/** Runs `check`; never throws: a check that cannot run is a failed result saying so (exit 2 at the end). */
export async function runOneCheck(check: Check, run: CheckRunContext): Promise<CheckResult> {
  const { ctx, env, params, redactor, replayTarget } = run;
  const reason = missingNeed(check.info.needs, ctx.target);
  if (reason) return { check: check.info, status: 'skipped', durationMs: 0, skipReason: reason };
  const started = performance.now();
  let result: CheckResult;
  try {
    result = withReplayTarget(await check.run(env, params), replayTarget);
  } catch (error) {
    const message = `harness error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    result = { check: check.info, status: 'failed', durationMs: performance.now() - started, failure: { checkId: check.info.id, title: check.info.title, level: check.info.level, message } };
  }
  // Redacted whole first, then cut: a cut never leaves half a secret behind.
  return withBaseline(boundResult(redactor.value(result)), ctx.options);
}
