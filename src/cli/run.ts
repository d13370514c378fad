/**
 * `paycert run`: resolve the target and the run, refuse anything that would make the run
 * meaningless before the first request (bad config, bad scenario file, unknown tag or check id,
 * unreachable target: exit 2), then drive jest's programmatic runner over the conformance project
 * and turn the report into the exit code.
 */
import { join, resolve } from 'node:path';
import { allChecks } from '../checks/all-checks';
import type { Check } from '../checks/check';
import { selectChecks } from '../checks/select';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import { EXIT, exitCodeOf } from '../core/verdict';
import { readReport } from '../report/merge';
import { reportsDirProblem } from '../report/files';
import { exportRunContext, newRunOptions } from '../run/context';
import { startEmbedded, targetFromArgs } from '../run/resolve-target';
import { targetArgs } from '../run/replay-target';
import { redactorOf } from '../config/redactor-of';
import type { ProfileName } from '../config/resolved';
import { parse, seconds } from './args';
import { RUN_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { probeTarget } from './probe';
import { loadBaseline } from '../config/baseline-file';
import { readSigningKey } from '../report/certificate';
import { preflight } from '../run/preflight';

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
} as const;

function checkSelection(registered: readonly Check[], tags: readonly string[], checks: readonly string[]): void {
  const knownTags = [...new Set(registered.flatMap((c) => c.info.tags))];
  for (const tag of tags) {
    if (!knownTags.includes(tag)) {
      const guess = didYouMean(tag, knownTags);
      throw new UserError(`--tag ${tag} names no scenario`, undefined, undefined, guess ? `did you mean "${guess}"?` : `tags: ${knownTags.sort().join(', ')}`);
    }
  }
  const ids = registered.map((c) => c.info.id);
  for (const id of checks) {
    if (!ids.includes(id)) {
      const guess = didYouMean(id, ids);
      throw new UserError(`--check ${id} is not a registered check id`, undefined, undefined, guess ? `did you mean "${guess}"?` : 'paycert lint lists none; see specs/');
    }
  }
}

const PROFILES: readonly ProfileName[] = ['viopay-pos', 'vpws', 'viva-interapp'];

function profileOption(value: string | undefined): ProfileName | undefined {
  if (value === undefined || (PROFILES as readonly string[]).includes(value)) return value as ProfileName | undefined;
  const guess = didYouMean(value, PROFILES);
  throw new UserError(`--profile ${value} is not a profile`, undefined, undefined, guess ? `did you mean "${guess}"?` : `profiles: ${PROFILES.join(', ')}`);
}

/** --runs, and --seed/--path/--replay-path to replay a property failure exactly. */
function replayOptions(values: { runs?: string; seed?: string; path?: string; 'replay-path'?: string }) {
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new UserError(`--runs must be a whole number of 1 or more, got "${values.runs}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UserError(`--seed must be a whole number, got "${values.seed}"`);
  if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) throw new UserError(`--path must look like 3:0:1, got "${values.path}"`);
  if (values.path !== undefined && seed === undefined) throw new UserError('--path needs the --seed it came with');
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
    io.out.write(RUN_HELP);
    return EXIT.certified;
  }
  const timeoutMs = seconds('timeout', values.timeout, 10) * 1000;
  // Before anything else: a run that cannot write its reports stops at once (exit 2).
  const reportsProblem = reportsDirProblem(resolve(values.reports ?? 'reports'));
  if (reportsProblem) throw new UserError(`--reports: ${reportsProblem}`);
  if (values.shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(values.shard)) throw new UserError(`--shard must be I/N, e.g. 1/3, got "${values.shard}"`);
  const tags = values.tag ?? [];
  const checks = values.check ?? [];

  const asked = profileOption(values.profile);
  let target = targetFromArgs(values.config, values.target, asked);
  if (target && asked && target.profile !== asked) throw new UserError(`--profile ${asked}, but the config says profile: ${target.profile}`, { file: target.source });
  const profile = target?.profile ?? asked ?? 'viopay-pos';

  // A bad scenario file (or a duplicate check id) stops the run before any request.
  const registered = allChecks(PACKAGE_ROOT).all().filter((c) => c.profile === profile && !(values['no-pact'] && c.info.tags.includes('pact')));
  checkSelection(registered, tags, checks);
  // The baseline and the signing key are checked before any request: a bad file is exit 2 now, not a lost run.
  const baseline = values.baseline === undefined ? undefined : loadBaseline(values.baseline, allChecks(PACKAGE_ROOT).all().map((c) => ({ id: c.info.id, profile: c.profile })), profile);
  const signKeyFile = values['sign-key'] === undefined ? undefined : resolve(values['sign-key']);
  if (signKeyFile !== undefined) readSigningKey(signKeyFile);
  // Only the files that hold a selected check become jest test files.
  const files = [...new Set(selectChecks(registered, { tags, checks }, profile).map((c) => c.file))];
  const replay = replayOptions(values);

  let embedded: { close(): Promise<void> } | undefined;
  if (target) io.redactor = redactorOf(target);
  if (target) {
    await probeTarget(target.baseUrl, timeoutMs);
    // A refused known-good request means every check would fail for the user's reason: say which, exit 2.
    const diagnosis = values['no-preflight'] ? null : await preflight(target, timeoutMs);
    if (diagnosis) throw new UserError(diagnosis);
  }
  else ({ target, running: embedded } = await startEmbedded(profile));

  const reportsDir = resolve(values.reports ?? 'reports');
  // A failure's replay names this target as it was given here: pasted, it runs against it again.
  const replayTarget = targetArgs({ ...(values.config !== undefined && { config: values.config }), ...(values.target !== undefined && { target: values.target }), profile, timeoutMs });
  const options = newRunOptions({ reportsDir, strict: values.strict ?? false, tags, checks, timeoutMs, console: true, targetArgs: replayTarget, ...replay, ...(values['no-pact'] && { excludeTags: ['pact'] }) });
  if (baseline) options.baseline = baseline;
  if (signKeyFile !== undefined) options.signKeyFile = signKeyFile;
  exportRunContext({ target, options }, process.env);
  try {
    // jest is loaded when a command runs it, not at every start of the bin.
    const { runCLI } = await import('jest');
    const { results } = await runCLI(
      {
        _: files,
        runTestsByPath: true,
        // Worker processes cost more than they save on a small selection (a tag, a check).
        ...(files.length <= 2 && { runInBand: true }),
        $0: 'paycert',
        selectProjects: ['conformance'],
        reporters: [join(PACKAGE_ROOT, 'scripts', 'jest-paycert-reporter.js')],
        silent: true,
        ...(values.shard ? { shard: values.shard } : {}),
        ci: Boolean(io.env.CI),
      } as unknown as Parameters<typeof import('jest').runCLI>[0],
      [PACKAGE_ROOT],
    );
    if (results.numRuntimeErrorTestSuites > 0) {
      io.err.write(`paycert: ${results.numRuntimeErrorTestSuites} spec file(s) could not run (see above)\n`);
      return EXIT.harnessError;
    }
    const report = readReport(reportsDir);
    // A check that could not run at all (its own exception, not the target's answer) is the harness's or the input's problem: exit 2.
    const broken = report.checks.filter((r) => r.failure?.message.startsWith('harness error'));
    if (broken.length > 0) {
      io.err.write(`paycert: ${broken.length} check(s) could not run, so the verdict is not the target's: [${broken[0]!.check.id}] ${broken[0]!.failure!.message.split('\n')[0]}\n`);
      return EXIT.harnessError;
    }
    return exitCodeOf(report);
  } finally {
    delete process.env.PAYCERT_RUN;
    await embedded?.close();
  }
}
