/**
 * The in-process certification run of `paycert run`: every selected check against one target,
 * several at a time, each result handed to the reporters as it ends, and the report at the end.
 * It computes and emits; it never prints or exits. Bounded: a target that stops answering mid-run
 * fails the remaining checks at once instead of each waiting out its timeouts, a check that runs
 * away is cut at its own deadline, `maxTimeMs` bounds the whole run, and `maxFailures` ends it
 * after that many failed checks (the checks in flight finish; the rest are reported not run).
 */
import type { Check, RunParams } from '../checks/check';
import { plainRequest } from '../client/plain-http';
import { TransportError } from '../client/transport';
import { redactorOf } from '../config/redactor-of';
import { pool } from '../core/pool';
import { ReporterMux, type Reporter, type ReporterError } from '../core/reporter';
import type { CheckResult, RunReport } from '../core/types';
import { checkDeadlineMs, type RunContext } from '../run/context';
import { targetArgsOf } from '../run/replay-target';
import { envFor, prepareEnv } from '../scenario/env';
import { runOneCheck, type CheckRunContext } from './one-check';
import { assembleReport, runInfoOf } from './run-info';
import { NO_ANSWER, NOT_RUN } from '../core/failure-words';

export interface EngineRun {
  ctx: RunContext;
  /** The checks to run, selected (and sharded) already. */
  checks: readonly Check[];
  reporters: readonly Reporter[];
  /** Checks in flight at once. */
  concurrency: number;
  /** The content hash of the suite (src/run/suite-hash.ts). */
  suiteHash: string;
  /** `I/N` when this run is one shard. */
  shard?: string;
  /** The whole run's deadline, ms; checks not started by then are reported not run. */
  maxTimeMs?: number;
  /** One check's deadline, ms (default: 12 request timeouts, at least a minute). */
  checkTimeoutMs?: number;
  /**
   * Stop starting checks once this many have failed (`--bail` is 1, `--max-failures N`), and the
   * option that asked for it, for the reason the checks not run give.
   */
  maxFailures?: { count: number; option: string };
}

/** Checks whose last request got no answer, in a row, before paycert asks whether the target is still there. */
const SILENT_CHECKS_BEFORE_PROBE = 3;
/**
 * Checks with no answer in a row after which the target counts as stopped even if its root still
 * answers the probe: a conformant target answers every request, so this many silences only end a
 * run that would otherwise wait out every request's timeout.
 */
const SILENT_CHECKS_BEFORE_GIVING_UP = 12;

function notRun(check: Check, why: string): CheckResult {
  return { check: check.info, status: 'failed', durationMs: 0, failure: { checkId: check.info.id, title: check.info.title, level: check.info.level, message: `${NOT_RUN}${why}` } };
}

function timedOut(check: Check, ms: number): CheckResult {
  return { check: check.info, status: 'failed', durationMs: ms, failure: { checkId: check.info.id, title: check.info.title, level: check.info.level, message: `did not finish in ${Math.round(ms / 1000)} s (the check's deadline); the target answers too slowly or not at all` } };
}

/** `work`, or `onTimeout()` when it has not settled after `ms` (the work itself is left to end on its own). */
async function within<T>(ms: number, work: Promise<T>, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout()), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const silent = (result: CheckResult) => result.failure?.message.startsWith(NO_ANSWER) === true;

/**
 * A failure that counts toward --bail / --max-failures: what fails the run (a warning under
 * --strict too); one the baseline expects does not fail the run, so it does not stop it.
 */
const countsAsFailed = (result: CheckResult, strict: boolean) => (result.status === 'failed' || (strict && result.status === 'warning')) && result.baseline?.state !== 'known';

/** Why the checks after the N-th failure were not run, as the summary says it. */
export function stoppedEarly(limit: { count: number; option: string }): string {
  return `the run stopped early after ${limit.count} failed check${limit.count === 1 ? '' : 's'} (${limit.option})`;
}

/** Runs the checks and returns the run's report, after every reporter saw it, and the reporters' own errors. */
export async function runEngine(run: EngineRun): Promise<{ report: RunReport; reporterErrors: readonly ReporterError[] }> {
  const { ctx } = run;
  const { target, options } = ctx;
  const redactor = redactorOf(target);
  const mux = new ReporterMux(run.reporters, redactor);
  const env = envFor(target, options.runId, options.timeoutMs, options.maxAnswerBytes);
  const params: RunParams = {
    ...(options.runs !== undefined && { runs: options.runs }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.path !== undefined && { path: options.path }),
    ...(options.replayPath !== undefined && { replayPath: options.replayPath }),
  };
  const each: CheckRunContext = { ctx, env, params, redactor, replayTarget: options.targetArgs ?? targetArgsOf(target, options.timeoutMs) };
  const info = runInfoOf(ctx, run.suiteHash, run.shard);
  await mux.onBegin(info, run.checks.map((c) => c.info));
  // The profile readies its session (a clock aligned to the target's); an unreachable target fails each check instead.
  await prepareEnv(env);

  const started = performance.now();
  const checkDeadline = run.checkTimeoutMs ?? checkDeadlineMs(options.timeoutMs);
  let silentInARow = 0;
  let gone: string | undefined;
  let failedSoFar = 0;
  let stopped: string | undefined;
  const targetGone = async (): Promise<string | undefined> => {
    try {
      await plainRequest(target.baseUrl, { method: 'GET', timeoutMs: Math.min(options.timeoutMs, 3_000), ...(options.maxAnswerBytes !== undefined && { maxResponseBytes: options.maxAnswerBytes }) });
      return undefined;
    } catch (error) {
      if (error instanceof TransportError) return `the target stopped answering (${error.message})`;
      throw error;
    }
  };

  const results: CheckResult[] = [];
  const runAndRecord = async (check: Check): Promise<void> => {
    let result: CheckResult;
    if (gone) result = notRun(check, gone);
    else if (stopped) result = notRun(check, stopped);
    else if (run.maxTimeMs !== undefined && performance.now() - started > run.maxTimeMs) result = notRun(check, `the run reached --max-time ${Math.round(run.maxTimeMs / 1000)} s`);
    else {
      result = await within(checkDeadline, runOneCheck(check, each), () => redactor.value(timedOut(check, checkDeadline)));
      silentInARow = silent(result) ? silentInARow + 1 : 0;
      if (silentInARow >= SILENT_CHECKS_BEFORE_PROBE && !gone) gone = await targetGone();
      if (silentInARow >= SILENT_CHECKS_BEFORE_GIVING_UP && !gone) gone = `the target stopped answering (${silentInARow} checks in a row got no answer)`;
      if (countsAsFailed(result, options.strict)) failedSoFar += 1;
      if (run.maxFailures && failedSoFar >= run.maxFailures.count && !stopped) stopped = stoppedEarly(run.maxFailures);
    }
    results.push(result);
    await mux.onCheckEnd(result);
  };
  // The contract's checks start at once, outside the pool: they only wait for one verification of
  // the contract in a child process, which runs beside everything else (in the pool they would
  // hold its slots, waiting, for the child's whole life).
  const isPact = (c: Check) => c.info.tags.includes('pact');
  await Promise.all([Promise.all(run.checks.filter(isPact).map(runAndRecord)), pool(run.checks.filter((c) => !isPact(c)), Math.max(1, run.concurrency), runAndRecord)]);
  const report = assembleReport(info, results, options.strict);
  await mux.onEnd(report);
  return { report, reporterErrors: mux.errors };
}
