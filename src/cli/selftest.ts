/** `paycert selftest`: certify every fault and every legal variation; write reports/selftest.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Redactor } from '../core/redactor';
import { EXIT } from '../core/verdict';
import { allChecks } from '../checks/all-checks';
import { selftestMarkdown, scoreLine } from '../selftest/markdown';
import { runSelftest } from '../selftest/run-selftest';
import type { FaultOutcome, VariationOutcome } from '../selftest/types';
import { checkVariantName } from './variant-names';
import { selftestInWorkers } from './selftest-workers';
import { UserError } from '../core/errors';
import { reportsDirProblem } from '../report/files';
import { parse } from './args';
import { selftestHelp } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { allProfiles } from '../profiles';

function progressLine(outcome: FaultOutcome | VariationOutcome, kind: 'fault' | 'variation'): string {
  if (kind === 'fault') {
    const f = outcome as FaultOutcome;
    const by = f.level === 'MUST' ? f.failed : f.warned;
    return f.caught ? `CAUGHT  ${f.name} (${f.level} ${f.clause}) by ${by.length} checks` : `MISSED  ${f.name} (${f.level} ${f.clause}): ${f.why}`;
  }
  const v = outcome as VariationOutcome;
  return v.passed ? `PASSED  variation ${v.name}` : `FAILED  variation ${v.name}: ${v.messages[0] ?? ''}`;
}

/** A worker of selftestInWorkers: one part of the catalogue, its report written as JSON to `file`. */
async function selftestPart(part: string, file: string | undefined, jobs: number, fast: boolean, progress: (o: FaultOutcome | VariationOutcome, kind: 'fault' | 'variation') => void): Promise<number> {
  const match = /^(\d+)\/(\d+)$/.exec(part);
  if (!match || Number(match[1]) >= Number(match[2]) || file === undefined) throw new UserError(`--part takes I/N with I < N, and --part-report FILE, got "${part}"`);
  const report = await runSelftest(allChecks(PACKAGE_ROOT).all(), { jobs, fast, part: { index: Number(match[1]), of: Number(match[2]) }, onOutcome: progress });
  writeFileSync(file, JSON.stringify(report));
  return EXIT.certified;
}

export async function selftestCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('selftest', argv, {
    reports: { type: 'string' },
    jobs: { type: 'string' },
    workers: { type: 'string' },
    only: { type: 'string', multiple: true },
    full: { type: 'boolean' },
    // A worker's part of the catalogue, and where it writes its report (selftest-workers.ts).
    part: { type: 'string' },
    'part-report': { type: 'string' },
  });
  if (values.help) {
    io.out.write(selftestHelp());
    return EXIT.certified;
  }
  // Before the catalogue runs: a folder selftest.md cannot be written to is one line now, not after minutes.
  const reportsProblem = values.part === undefined ? reportsDirProblem(resolve(values.reports ?? 'reports')) : null;
  if (reportsProblem) throw new UserError(`--reports: ${reportsProblem}`);
  const jobs = Number(values.jobs ?? 6);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs must be a whole number of 1 or more, got "${values.jobs}"`);
  for (const name of values.only ?? []) checkVariantName(name);
  const workers = Number(values.workers ?? Math.min(2, availableParallelism()));
  if (!Number.isInteger(workers) || workers < 1) throw new UserError(`--workers must be a whole number of 1 or more, got "${values.workers}"`);
  // A variation's failure messages quote what a reference target answered: card numbers are masked.
  const redactor = Redactor.cardsOnly;
  const progress = (o: FaultOutcome | VariationOutcome, kind: 'fault' | 'variation') => io.out.write(`${redactor.text(progressLine(o, kind))}\n`);
  const fast = values.full !== true;
  if (values.part !== undefined) return selftestPart(values.part, values['part-report'], jobs, fast, progress);
  const checks = allChecks(PACKAGE_ROOT).all();
  io.out.write(`paycert selftest: ${checks.length} checks against every fault and legal variation of the reference target${workers > 1 && !values.only?.length ? `, in ${workers} processes` : ''}\n`);
  const report =
    workers > 1 && !values.only?.length
      ? await selftestInWorkers(workers, jobs, !fast, (line) => io.out.write(`${line}\n`))
      : await runSelftest(checks, { jobs, fast, only: values.only ?? [], onOutcome: progress });
  // The profiles' other proofs (a client judge against faulty clients): the whole run only.
  const extras = values.only?.length ? [] : allProfiles().flatMap((p) => p.target.extraSelftests ?? []);
  const parts: Array<{ title: string; passed: boolean; score: string; markdown: string }> = [];
  for (const extra of extras) {
    io.out.write(`running ${extra.title}\n`);
    parts.push({ title: extra.title, ...(await extra.run()) });
  }
  const dir = resolve(values.reports ?? 'reports');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'selftest.md');
  writeFileSync(file, [selftestMarkdown(redactor.value(report)), ...parts.map((p) => redactor.text(p.markdown))].join('\n'));
  const scores = [scoreLine(report), ...parts.map((p) => `${p.title}: ${p.score}`)];
  io.out.write(`\n${scores.map((line) => `paycert selftest: ${line}`).join('\n')}\nwrote ${file}\n`);
  return report.passed && parts.every((p) => p.passed) ? EXIT.certified : EXIT.notCertified;
}
