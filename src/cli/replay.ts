/**
 * `paycert replay REPORT CHECK_ID`: runs one failed check of a report again against the target
 * that report certified (its config, its URL, or a fresh embedded target), with its profile and,
 * for a property, its seed and path. Every request is built anew, so it is signed with a fresh
 * timestamp and nonce. Says FIXED (exit 0) or STILL FAILING with the new failure (exit 1).
 */
import { randomBytes } from 'node:crypto';
import { allChecks } from '../checks/all-checks';
import type { Check, RunParams } from '../checks/check';
import { redactorOf } from '../config/redactor-of';
import type { ProfileName, ResolvedTarget } from '../config/resolved';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import type { CheckResult, RunReport } from '../core/types';
import { EXIT } from '../core/verdict';
import { formatFailure } from '../report/failure-format';
import { readReport } from '../report/merge';
import { DEFAULT_TIMEOUT_S, targetArgs, withReplayTarget } from '../run/replay-target';
import { startEmbedded, targetFromArgs } from '../run/resolve-target';
import { envFor, prepareEnv } from '../scenario/env';
import { missingNeed } from '../scenario/run-scenario';
import { parse, seconds } from './args';
import { REPLAY_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { probeTarget } from '../run/probe';
import { answerBudget } from './budgets';
import { boundResult } from '../core/evidence';

const OPTIONS = {
  config: { type: 'string' },
  target: { type: 'string' },
  timeout: { type: 'string' },
  'max-answer-bytes': { type: 'string' },
} as const;

/** Where the report's run pointed: the options its failure's replay recorded, else the report's own fields. */
interface ReplayTarget {
  config?: string;
  target?: string;
  timeoutS?: number;
  maxAnswerBytes?: number;
  /** The run's `--specs` paths and `--no-builtin`: a user's check is found again only with them. */
  specs?: string[];
  noBuiltin?: boolean;
}

/** Reads `--config`, `--target`, `--timeout` and `--max-answer-bytes` back out of a recorded replay's target options. */
function recordedTarget(args: readonly string[]): ReplayTarget {
  const found: ReplayTarget = {};
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i] === '--config') found.config = args[i + 1]!;
    if (args[i] === '--target') found.target = args[i + 1]!;
    if (args[i] === '--timeout' && Number(args[i + 1]) > 0) found.timeoutS = Number(args[i + 1]);
    if (args[i] === '--max-answer-bytes' && Number.isSafeInteger(Number(args[i + 1])) && Number(args[i + 1]) > 0) found.maxAnswerBytes = Number(args[i + 1]);
    if (args[i] === '--specs') (found.specs ??= []).push(args[i + 1]!);
  }
  if (args.includes('--no-builtin')) found.noBuiltin = true;
  return found;
}

function reportTarget(report: RunReport, result: CheckResult): ReplayTarget {
  const recorded = result.failure?.replay?.target;
  if (recorded) return recordedTarget(recorded);
  if (report.identity?.configPath) return { config: report.identity.configPath };
  return report.target.embedded ? {} : { target: report.target.baseUrl };
}

function loadReport(path: string): RunReport {
  try {
    return readReport(path);
  } catch (error) {
    throw new UserError(String(error instanceof Error ? error.message : error).replace(/^paycert: /, ''), undefined, undefined, 'give the report.json of a run, or its directory');
  }
}

/** The check's result in the report; it must have failed or warned there. */
function failedResult(report: RunReport, id: string, path: string): CheckResult {
  const result = report.checks.find((r) => r.check.id === id);
  if (!result) {
    const failed = report.checks.filter((r) => r.status === 'failed' || r.status === 'warning').map((r) => r.check.id);
    const guess = didYouMean(id, report.checks.map((r) => r.check.id));
    throw new UserError(`${id} is not a check of the report ${path}`, undefined, undefined, guess ? `did you mean "${guess}"?` : failed.length ? `its failures: ${failed.slice(0, 5).join(', ')}${failed.length > 5 ? ', ...' : ''}` : 'it has no failure');
  }
  if (result.status !== 'failed' && result.status !== 'warning') throw new UserError(`${id} ${result.status} in the report ${path}: nothing to replay`);
  return result;
}

function registeredCheck(id: string, profile: string, specs: readonly string[] = [], noBuiltin = false): Check {
  const user = specs.length ? { paths: specs, cwd: process.cwd(), profile, noBuiltin } : undefined;
  const check = allChecks(PACKAGE_ROOT, user).all().find((c) => c.info.id === id && c.profile === profile);
  if (!check) throw new UserError(`${id} is not a ${profile} check of this paycert version`, undefined, undefined, 'the suite changed since the report was written: run the whole suite again');
  return check;
}

/** Runs the check against `target` as a run would: its session readied (a clock aligned to the target's), the failure's seed and path. */
async function runAgain(check: Check, target: ResolvedTarget, timeoutMs: number, maxAnswerBytes: number | undefined, result: CheckResult): Promise<CheckResult> {
  const env = envFor(target, randomBytes(6).toString('hex'), timeoutMs, maxAnswerBytes);
  await prepareEnv(env);
  const replay = result.failure?.replay ?? {};
  const params: RunParams = {
    ...(replay.seed !== undefined && { seed: replay.seed }),
    ...(replay.path !== undefined && { path: replay.path }),
    ...(replay.replayPath !== undefined && { replayPath: replay.replayPath }),
  };
  return check.run(env, params);
}

export async function replayCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('replay', argv, OPTIONS, true);
  if (values.help) {
    io.out.write(REPLAY_HELP);
    return EXIT.certified;
  }
  const [reportPath, id, extra] = positionals;
  if (reportPath === undefined || id === undefined) throw new UserError('replay needs a report and a check id', undefined, undefined, 'paycert replay reports/report.json CHECK_ID');
  if (extra !== undefined) throw new UserError(`replay: unexpected argument "${extra}"`, undefined, undefined, 'see paycert replay --help');
  const report = loadReport(reportPath);
  const before = failedResult(report, id, reportPath);
  const profile = report.profile as ProfileName;
  // The command line wins over what the report recorded; secrets come from the config, never from the report.
  // The report names its target, so nothing is discovered (a run that found its config records it as --config).
  const recorded = reportTarget(report, before);
  const check = registeredCheck(id, profile, recorded.specs, recorded.noBuiltin);
  const given = values.config !== undefined || values.target !== undefined;
  const config = given ? values.config : recorded.config;
  const url = given ? values.target : recorded.target;
  const timeoutMs = seconds('timeout', values.timeout, recorded.timeoutS ?? DEFAULT_TIMEOUT_S) * 1000;
  const maxAnswerBytes = answerBudget(values['max-answer-bytes']) ?? recorded.maxAnswerBytes;

  let target = targetFromArgs(config, url, profile, io.env);
  if (target && target.profile !== profile) throw new UserError(`the report is of profile ${profile}, but the config says profile: ${target.profile}`, { file: target.source });
  let embedded: { close(): Promise<void> } | undefined;
  if (!target) ({ target, running: embedded } = await startEmbedded(profile));
  const redactor = redactorOf(target);
  io.redactor = redactor;
  try {
    if (!target.embedded) await probeTarget(target.baseUrl, timeoutMs, maxAnswerBytes);
    const skip = missingNeed(check.info.needs, target);
    if (skip) throw new UserError(`${id} cannot run against ${target.source}: ${skip}`);
    io.out.write(`paycert replay: [${id}] ${check.info.title} against ${redactor.text(target.embedded ? `a fresh ${target.source}` : target.baseUrl)}\n`);
    io.out.write(`  it ${before.status === 'warning' ? 'warned' : 'failed'} in ${reportPath} (${report.startedAt}): ${before.failure?.message ?? 'no message'}\n`);
    const args = targetArgs({ ...(config !== undefined && { config }), ...(url !== undefined && { target: url }), profile, timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }), ...(recorded.specs && { specs: recorded.specs }), ...(recorded.noBuiltin && { noBuiltin: true }) });
    const after = boundResult(redactor.value(withReplayTarget(await runAgain(check, target, timeoutMs, maxAnswerBytes, before), args)));
    if (after.status === 'passed') {
      io.out.write(`FIXED: ${id} passes now\n`);
      return EXIT.certified;
    }
    if (after.status === 'skipped') throw new UserError(`${id} could not run: ${after.skipReason ?? 'skipped'}`);
    io.out.write(`STILL FAILING: ${id}\n\n${after.failure ? formatFailure(after.failure) : 'no failure details were recorded'}\n`);
    return EXIT.notCertified;
  } finally {
    await embedded?.close();
  }
}
