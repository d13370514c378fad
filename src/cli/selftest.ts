/** `paycert selftest`: certify every fault and every legal variation; write reports/selftest.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redactor } from '../core/redactor';
import { EXIT } from '../core/verdict';
import { allChecks } from '../checks/all-checks';
import { selftestMarkdown, scoreLine } from '../selftest/markdown';
import { runSelftest } from '../selftest/run-selftest';
import type { FaultOutcome, VariationOutcome } from '../selftest/types';
import { checkVariantName } from './variant-names';
import { UserError } from '../core/errors';
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

export async function selftestCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('selftest', argv, { reports: { type: 'string' }, jobs: { type: 'string' }, only: { type: 'string', multiple: true } });
  if (values.help) {
    io.out.write(selftestHelp());
    return EXIT.certified;
  }
  const jobs = Number(values.jobs ?? 6);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs must be a whole number of 1 or more, got "${values.jobs}"`);
  for (const name of values.only ?? []) checkVariantName(name);
  const checks = allChecks(PACKAGE_ROOT).all();
  io.out.write(`paycert selftest: ${checks.length} checks against every fault and legal variation of the reference target\n`);
  // A variation's failure messages quote what a reference target answered: card numbers are masked.
  const redactor = Redactor.cardsOnly;
  const report = await runSelftest(checks, { jobs, only: values.only ?? [], onOutcome: (o, kind) => io.out.write(`${redactor.text(progressLine(o, kind))}\n`) });
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
