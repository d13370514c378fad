/**
 * `paycert run`: resolve the target and the run, refuse anything that would make the run
 * meaningless before the first request (bad config, bad scenario file, unknown tag or check id,
 * unreachable target: exit 2), then drive jest's programmatic runner over the conformance project
 * and turn the report into the exit code.
 */
import { resolve } from 'node:path';
import { allChecks, type UserSpecs } from '../checks/all-checks';
import { checkSelection, selectChecks } from '../checks/select';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import { EXIT, exitCodeOf } from '../core/verdict';
import { reportsDirProblem } from '../report/files';
import { newRunOptions } from '../run/context';
import { profileNames } from '../profiles';
import { chooseTarget, defaultProfileName, startEmbedded } from '../run/resolve-target';
import { configLine } from '../config/discover';
import { userSpecsLine } from './specs-line';
import { targetArgs } from '../run/replay-target';
import { redactorOf } from '../config/redactor-of';
import type { ProfileName } from '../config/resolved';
import { parse, seconds } from './args';
import { runHelp } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { probeTarget } from '../run/probe';
import { answerBudget } from './budgets';
import { loadBaseline } from '../config/baseline-file';
import { readSigningKey } from '../report/certificate';
import { preflight } from '../run/preflight';
import { suiteHash } from '../run/suite-hash';
import { runEngine } from '../engine/engine';
import { parseShard, shardChecks } from '../engine/shard';
import { reporterOption, runReporters, stopOption } from './run-options';

/** Checks in flight at once: checks are independent, and most of a check's time is waiting for answers. */
const DEFAULT_CONCURRENCY = 4;

const OPTIONS = {
  profile: { type: 'string' },
  'no-pact': { type: 'boolean' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  'replay-path': { type: 'string' },
  config: { type: 'string' },
  target: { type: 'string' },
  reports: { type: 'string' },
  strict: { type: 'boolean' },
  tag: { type: 'string', multiple: true },
  check: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  shard: { type: 'string' },
  baseline: { type: 'string' },
  'sign-key': { type: 'string' },
  'no-preflight': { type: 'boolean' },
  concurrency: { type: 'string' },
  'max-time': { type: 'string' },
  'max-answer-bytes': { type: 'string' },
  bail: { type: 'boolean' },
  'max-failures': { type: 'string' },
  'exclude-tag': { type: 'string', multiple: true },
  reporter: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  specs: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
} as const;

function profileOption(value: string | undefined): ProfileName | undefined {
  const names = profileNames();
  if (value === undefined || names.includes(value)) return value;
  const guess = didYouMean(value, names);
  throw new UserError(`--profile ${value} is not a profile`, undefined, undefined, guess ? `did you mean "${guess}"?` : `profiles: ${names.join(', ')}`);
}

/** --runs, and --seed/--path/--replay-path to replay a property failure exactly. */
function replayOptions(values: { runs?: string; seed?: string; path?: string; 'replay-path'?: string }) {
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new UserError(`--runs must be a whole number of 1 or more, got "${values.runs}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UserError(`--seed must be a whole number, got "${values.seed}"`);
  if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) throw new UserError(`--path must look like 3:0:1, got "${values.path}"`);
  if (values.path !== undefined && seed === undefined) throw new UserError('--path needs the --seed it came with');
  if (values['replay-path'] !== undefined && seed === undefined) throw new UserError('--replay-path needs the --seed it came with');
  return {
    ...(runs !== undefined && { runs }),
    ...(seed !== undefined && { seed }),
    ...(values.path !== undefined && { path: values.path }),
    ...(values['replay-path'] !== undefined && { replayPath: values['replay-path'] }),
  };
}

export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('run', argv, OPTIONS);
  if (values.help) {
    io.out.write(runHelp());
    return EXIT.certified;
  }
  const timeoutMs = seconds('timeout', values.timeout, 10) * 1000;
  const maxAnswerBytes = answerBudget(values['max-answer-bytes']);
  // Before anything else: a run that cannot write its reports stops at once (exit 2).
  const reportsProblem = reportsDirProblem(resolve(values.reports ?? 'reports'));
  if (reportsProblem) throw new UserError(`--reports: ${reportsProblem}`);
  if (values.shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(values.shard)) throw new UserError(`--shard must be I/N, e.g. 1/3, got "${values.shard}"`);
  const tags = values.tag ?? [];
  const excludeTags = [...(values['exclude-tag'] ?? []), ...(values['no-pact'] ? ['pact'] : [])];
  const maxFailures = stopOption(values);
  const chosenReporters = reporterOption(values.reporter);
  const checks = values.check ?? [];

  const asked = profileOption(values.profile);
  // --config, else PAYCERT_CONFIG, else a config in the working directory (src/config/discover.ts); said first.
  const chosen = chooseTarget({ config: values.config, target: values.target, profile: asked, env: io.env, cwd: process.cwd() });
  if (chosen.config && !values.quiet) io.out.write(`${configLine(chosen.config)}\n`);
  let target = chosen.target;
  if (target && asked && target.profile !== asked) throw new UserError(`--profile ${asked}, but the config says profile: ${target.profile}`, { file: target.source });
  const profile = target?.profile ?? asked ?? defaultProfileName();

  // A bad scenario file (or a duplicate check id) stops the run before any request; the user's (--specs) are loaded with the built-in ones, or instead of them.
  const specs = values.specs ?? [];
  if (values['no-builtin'] && specs.length === 0) throw new UserError('--no-builtin needs --specs PATH: there would be no check to run');
  const user: UserSpecs | undefined = specs.length ? { paths: specs, cwd: process.cwd(), profile, noBuiltin: values['no-builtin'] ?? false } : undefined;
  const every = allChecks(PACKAGE_ROOT, user).all();
  const registered = every.filter((c) => c.profile === profile && !(values['no-pact'] && c.info.tags.includes('pact')));
  if (user && !values.quiet) io.out.write(`${userSpecsLine(user, registered)}\n`);
  checkSelection(registered, { tags, checks, excludeTags: values['exclude-tag'] ?? [] });
  // The baseline and the signing key are checked before any request: a bad file is exit 2 now, not a lost run.
  const baseline = values.baseline === undefined ? undefined : loadBaseline(values.baseline, every.map((c) => ({ id: c.info.id, profile: c.profile })), profile);
  const signKeyFile = values['sign-key'] === undefined ? undefined : resolve(values['sign-key']);
  if (signKeyFile !== undefined) readSigningKey(signKeyFile);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && shard === undefined) throw new UserError(`--shard must be I/N with 1 <= I <= N, e.g. 1/3, got "${values.shard}"`);
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UserError(`--concurrency must be a whole number from 1 to 64, got "${values.concurrency}"`);
  const maxTimeMs = values['max-time'] === undefined ? undefined : seconds('max-time', values['max-time'], 0) * 1000;
  const replay = replayOptions(values);

  let embedded: { close(): Promise<void> } | undefined;
  if (target) io.redactor = redactorOf(target);
  if (target) {
    await probeTarget(target.baseUrl, timeoutMs, maxAnswerBytes);
    // A refused known-good request means every check would fail for the user's reason: say which, exit 2.
    const diagnosis = values['no-preflight'] ? null : await preflight(target, timeoutMs, maxAnswerBytes);
    if (diagnosis) throw new UserError(diagnosis);
  }
  else ({ target, running: embedded } = await startEmbedded(profile));

  const reportsDir = resolve(values.reports ?? 'reports');
  // A failure's replay names this target as it was given here: pasted, it runs against it again.
  const replayTarget = targetArgs({ ...(chosen.config && { config: chosen.config.file }), ...(values.target !== undefined && { target: values.target }), profile, timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }), specs, noBuiltin: user?.noBuiltin ?? false });
  const options = newRunOptions({ reportsDir, strict: values.strict ?? false, tags, checks, timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }), console: true, targetArgs: replayTarget, ...replay, ...(excludeTags.length > 0 && { excludeTags }), ...(user?.noBuiltin && { noBuiltin: true }) });
  if (baseline) options.baseline = baseline;
  if (signKeyFile !== undefined) options.signKeyFile = signKeyFile;
  try {
    let selected = selectChecks(registered, options, profile);
    if (shard) selected = shardChecks(selected, shard.index, shard.count);
    const reporters = runReporters(io, chosenReporters, reportsDir, values.quiet ?? false, signKeyFile);
    const { report, reporterErrors } = await runEngine({
      ctx: { target, options },
      checks: selected,
      reporters,
      concurrency,
      suiteHash: suiteHash(PACKAGE_ROOT),
      ...(values.shard !== undefined && { shard: values.shard }),
      ...(maxTimeMs !== undefined && { maxTimeMs }),
      ...(maxFailures && { maxFailures }),
    });
    for (const e of reporterErrors) io.err.write(`paycert: reporter ${e.reporter} failed in ${e.hook}: ${String(e.error)}\n`);
    // A check that could not run at all (its own exception, not the target's answer) is the harness's or the input's problem: exit 2.
    const broken = report.checks.filter((r) => r.failure?.message.startsWith('harness error'));
    if (broken.length > 0) {
      io.err.write(`paycert: ${broken.length} check(s) could not run, so the verdict is not the target's: [${broken[0]!.check.id}] ${broken[0]!.failure!.message.split('\n')[0]}\n`);
      return EXIT.harnessError;
    }
    return exitCodeOf(report);
  } finally {
    await embedded?.close();
  }
}
