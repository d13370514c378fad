/**
 * `paycert run`: resolve the target and the run, refuse anything that would make the run
 * meaningless before the first request (bad config, bad scenario file, unknown tag or check id,
 * unreachable target: exit 2), then drive jest's programmatic runner over the conformance project
 * and turn the report into the exit code.
 */
import { join, resolve } from 'node:path';
import { runCLI } from 'jest';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import { EXIT, exitCodeOf } from '../core/verdict';
import { readReport } from '../report/merge';
import { exportRunContext, newRunOptions } from '../run/context';
import { startEmbedded, targetFromArgs } from '../run/resolve-target';
import { loadScenarios, specFiles } from '../scenario/load';
import { selectScenarios } from '../run/select';
import type { LoadedScenario } from '../scenario/types';
import type { RunningTarget } from '../target';
import { parse, seconds } from './args';
import { RUN_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { probeTarget } from './probe';

const OPTIONS = {
  config: { type: 'string' },
  target: { type: 'string' },
  reports: { type: 'string' },
  strict: { type: 'boolean' },
  tag: { type: 'string', multiple: true },
  check: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  shard: { type: 'string' },
} as const;

function checkSelection(scenarios: readonly LoadedScenario[], tags: readonly string[], checks: readonly string[]): void {
  const knownTags = [...new Set(scenarios.flatMap((s) => s.tags ?? []))];
  for (const tag of tags) {
    if (!knownTags.includes(tag)) {
      const guess = didYouMean(tag, knownTags);
      throw new UserError(`--tag ${tag} names no scenario`, undefined, undefined, guess ? `did you mean "${guess}"?` : `tags: ${knownTags.sort().join(', ')}`);
    }
  }
  const ids = scenarios.map((s) => s.id);
  for (const id of checks) {
    if (!ids.includes(id)) {
      const guess = didYouMean(id, ids);
      throw new UserError(`--check ${id} is not a registered check id`, undefined, undefined, guess ? `did you mean "${guess}"?` : 'paycert lint lists none; see specs/');
    }
  }
}

export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('run', argv, OPTIONS);
  if (values.help) {
    io.out.write(RUN_HELP);
    return EXIT.certified;
  }
  const timeoutMs = seconds('timeout', values.timeout, 10) * 1000;
  if (values.shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(values.shard)) throw new UserError(`--shard must be I/N, e.g. 1/3, got "${values.shard}"`);
  const tags = values.tag ?? [];
  const checks = values.check ?? [];

  // A bad scenario file stops the run before any request.
  const scenarios = loadScenarios(specFiles([join(PACKAGE_ROOT, 'specs')]));
  checkSelection(scenarios, tags, checks);
  // Only the files that hold a selected scenario become jest test files.
  const files = [...new Set(selectScenarios(scenarios, { tags, checks }).map((s) => s.file))];

  let embedded: RunningTarget | undefined;
  let target = targetFromArgs(values.config, values.target);
  if (target && target.profile !== 'viopay-pos') throw new UserError(`profile ${target.profile} is not supported yet; this version certifies viopay-pos`, { file: target.source });
  if (target) await probeTarget(target.baseUrl, timeoutMs);
  else ({ target, running: embedded } = await startEmbedded());

  const reportsDir = resolve(values.reports ?? 'reports');
  const options = newRunOptions({ reportsDir, strict: values.strict ?? false, tags, checks, timeoutMs, console: true });
  exportRunContext({ target, options }, process.env);
  try {
    const { results } = await runCLI(
      {
        _: files,
        runTestsByPath: true,
        $0: 'paycert',
        selectProjects: ['conformance'],
        reporters: [join(PACKAGE_ROOT, 'scripts', 'jest-paycert-reporter.js')],
        silent: true,
        ...(values.shard ? { shard: values.shard } : {}),
        ci: Boolean(io.env.CI),
      } as unknown as Parameters<typeof runCLI>[0],
      [PACKAGE_ROOT],
    );
    if (results.numRuntimeErrorTestSuites > 0) {
      io.err.write(`paycert: ${results.numRuntimeErrorTestSuites} spec file(s) could not run (see above)\n`);
      return EXIT.harnessError;
    }
    return exitCodeOf(readReport(reportsDir));
  } finally {
    delete process.env.PAYCERT_RUN;
    await embedded?.close();
  }
}
