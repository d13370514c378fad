/**
 * Registers checks as jest tests, one per check, named `[id] title`, for a run under plain jest
 * (`npx jest --selectProjects conformance`; `paycert run` uses the in-process engine instead).
 * Each check runs as the engine runs it (src/engine/one-check.ts: needs, harness errors, replay
 * target, redaction, baseline); its result is written as a partial for paycert's reporters, and
 * the test fails as the verdict rule says (a MUST failure, a SHOULD one under --strict, an expired
 * baseline entry).
 */
import type { Check, RunParams } from '../checks/check';
import { selectChecks } from '../checks/select';
import { closeConnections } from '../client/transport';
import { redactorOf } from '../config/redactor-of';
import { runOneCheck, type CheckRunContext } from '../engine/one-check';
import { importRunContext } from '../run/context';
import { writePartial } from '../run/partials';
import { targetArgsOf } from '../run/replay-target';
import { envFor, prepareEnv } from '../scenario/env';
import { missingNeed } from '../scenario/run-scenario';
import { testFailure } from './test-outcome';

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
  const params: RunParams = {
    ...(options.runs !== undefined && { runs: options.runs }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.path !== undefined && { path: options.path }),
    ...(options.replayPath !== undefined && { replayPath: options.replayPath }),
  };
  const each: CheckRunContext = {
    ctx,
    env: envFor(target, options.runId, options.timeoutMs, options.maxAnswerBytes),
    params,
    redactor: redactorOf(target),
    replayTarget: options.targetArgs ?? targetArgsOf(target, options.timeoutMs),
  };

  // Kept-alive connections would hold the jest worker open after its last test.
  afterAll(() => closeConnections());

  beforeAll(async () => {
    // The profile readies its session (a clock aligned to the target's); an unreachable target fails each check instead.
    await prepareEnv(each.env);
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
      const result = await runOneCheck(check, each);
      writePartial(options, result);
      const failing = testFailure(result, options.strict);
      if (failing !== undefined) {
        const error = new Error(failing);
        error.stack = error.message;
        throw error;
      }
    });
  }
}
