/**
 * `paycert baseline write [--report DIR] [--out FILE]`: an expected-failure baseline made from a
 * run's report: one entry per failed or warned check, reason "TODO: why" and no expiry date (the
 * team writes both), except for checks the run's own baseline already listed, whose reason,
 * ticket and date are kept. `paycert run --baseline FILE` reads it (config/baseline-file.ts).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BaselineEntry, CheckResult, RunReport } from '../core/types';
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { readReport } from '../report/merge';
import { parse } from './args';
import { BASELINE_HELP } from './help';
import type { Io } from './io';

/** The reason a new entry gets: a baseline is only as good as its reasons, so it says it is missing one. */
export const TODO_REASON = 'TODO: why';

/** The entries for a report: its failures and warnings, in report order. */
export function baselineEntries(report: RunReport): Array<BaselineEntry & { title: string; level: string }> {
  const listed = (r: CheckResult) => r.status === 'failed' || r.status === 'warning';
  return report.checks.filter(listed).map((r) => {
    const mark = r.baseline;
    return {
      check: r.check.id,
      reason: mark?.reason ?? TODO_REASON,
      ...(mark?.ticket !== undefined && { ticket: mark.ticket }),
      ...(mark?.expires !== undefined && { expires: mark.expires }),
      title: r.check.title,
      level: r.check.level,
    };
  });
}

/** A YAML string: JSON's double-quoted form is YAML's too, so any text survives the round trip. */
const quoted = (text: string) => JSON.stringify(text);
/** Text for a comment line: one line, no control characters. */
// eslint-disable-next-line no-control-regex
const commentText = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ');

/** The baseline file's text for a report read from `source`. */
export function baselineYaml(report: RunReport, source: string): string {
  const entries = baselineEntries(report);
  const head = [
    `# paycert expected-failure baseline, written by 'paycert baseline write' from ${commentText(source)}`,
    `# (profile ${commentText(report.profile)}, target ${commentText(report.target.baseUrl)}, run of ${commentText(report.startedAt)}).`,
    `# Each entry names a check that fails. Replace "${TODO_REASON}" with the reason, and add a ticket and`,
    '# a date by which it must be fixed (expires: YYYY-MM-DD; from the day after, the entry fails the run).',
    '# Use it with: paycert run --baseline FILE (or PAYCERT_BASELINE=FILE under plain jest).',
    '',
  ];
  if (entries.length === 0) return [...head, '# The run had no failure and no warning: nothing is expected to fail.', '[]', ''].join('\n');
  const body = entries.flatMap((e) => [
    `# ${e.level}: ${commentText(e.title)}`,
    `- check: ${quoted(e.check)}`,
    `  reason: ${quoted(e.reason)}`,
    ...(e.ticket !== undefined ? [`  ticket: ${quoted(e.ticket)}`] : []),
    ...(e.expires !== undefined ? [`  expires: ${quoted(e.expires)}`] : []),
    '',
  ]);
  return [...head, ...body].join('\n');
}

export function baselineCommand(argv: readonly string[], io: Io): number {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out.write(BASELINE_HELP);
    return sub === undefined ? EXIT.harnessError : EXIT.certified;
  }
  if (sub !== 'write') throw new UserError(`baseline: unknown subcommand "${sub}"`, undefined, undefined, 'paycert baseline write [--report DIR] [--out FILE]');
  const { values } = parse('baseline write', rest, { report: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    io.out.write(BASELINE_HELP);
    return EXIT.certified;
  }
  const dir = values.report ?? 'reports';
  let report: RunReport;
  try {
    report = readReport(dir);
  } catch (error) {
    throw new UserError(`baseline write: ${(error as Error).message.replace(/^paycert: /, '').split('\n')[0]}`);
  }
  const text = baselineYaml(report, dir);
  const count = baselineEntries(report).length;
  const out = values.out ?? 'paycert-baseline.yaml';
  if (out === '-') {
    io.out.write(text);
    return EXIT.certified;
  }
  try {
    writeFileSync(resolve(out), text, 'utf8');
  } catch (error) {
    throw new UserError(`baseline write: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const todo = count > 0 ? `; give each its reason (now "${TODO_REASON}") and, if you can, a ticket and an expires date` : '';
  io.out.write(`paycert: wrote ${count} ${count === 1 ? 'entry' : 'entries'} to ${out}${todo}\n`);
  return EXIT.certified;
}
