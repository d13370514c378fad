/**
 * Registers checks as jest tests, one per check, named `[id] title`: spec files and property files
 * both come through here. A MUST failure fails the test; a SHOULD failure is a warning that passes
 * unless the run is strict; a check whose needs the target lacks is registered skipped. Every
 * result is also written as a partial for paycert's reporters: redacted (it goes to disk, and
 * jest prints the thrown failure under plain jest) and with a replay that names the run's target.
 */
import type { Check, RunParams } from '../checks/check';
import type { CheckResult } from '../core/types';
import { selectChecks } from '../checks/select';
import { redactorOf } from '../config/redactor-of';
import { importRunContext } from '../run/context';
import { writePartial } from '../run/partials';
import { testFailure, withBaseline } from './test-outcome';
import { targetArgsOf, withReplayTarget } from '../run/replay-target';
import { envFor } from '../scenario/client-for';
import { estimateClockOffset } from '../scenario/clock';
import { missingNeed, type ScenarioEnv } from '../scenario/run-scenario';

export function registerChecks(file: string, all: readonly Check[]): void {
  const ctx = importRunContext();
  if (!ctx) throw new Error('paycert: no run context; run through `paycert run` or the conformance project (its globalSetup sets it)');
  const { target, options } = ctx;
  const checks = selectChecks(all, options, target.profile);
  if (checks.length === 0) {
    // Skipped on purpose: --tag/--check selected nothing in this file, and jest refuses a test
    // file with no test at all. The title has no [id], so paycert's reports do not count it.
    const skipped = test.skip;
    skipped(`no check of ${file} is selected`, () => undefined);
    return;
  }
  const env: ScenarioEnv = envFor(target, options.runId, options.timeoutMs);
  const redactor = redactorOf(target);
  const replayTarget = options.targetArgs ?? targetArgsOf(target, options.timeoutMs);
  const client = env.client;
  const params: RunParams = {
    ...(options.runs !== undefined && { runs: options.runs }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.path !== undefined && { path: options.path }),
    ...(options.replayPath !== undefined && { replayPath: options.replayPath }),
  };

  beforeAll(async () => {
    // Timestamps are relative to the target's clock (POS only; VPWS has none); an unreachable target fails each check instead.
    if (target.profile === 'viopay-pos') client.setClockOffset(await estimateClockOffset(client).catch(() => 0));
  });

  for (const check of checks) {
    const title = `[${check.info.id}] ${check.info.title}`;
    const reason = missingNeed(check.info.needs, target);
    if (reason) {
      // Skipped on purpose: the target lacks what the check needs; the reason goes in every report.
      writePartial(options, { check: check.info, status: 'skipped', durationMs: 0, skipReason: reason });
      const skipped = test.skip;
      skipped(title, () => undefined);
      continue;
    }
    test(title, async () => {
      let ran: CheckResult;
      try {
        ran = await check.run(env, params);
      } catch (error) {
        // A harness error: jest prints its message, which may quote what the target sent.
        if (error instanceof Error) [error.message, error.stack] = [redactor.text(error.message), redactor.text(error.stack ?? '')];
        throw error;
      }
      const result = redactor.value(withReplayTarget(ran, replayTarget));
      writePartial(options, result);
      const failing = testFailure(withBaseline(result, options), options.strict);
      if (failing !== undefined) {
        const error = new Error(failing);
        error.stack = error.message;
        throw error;
      }
    });
  }
}
