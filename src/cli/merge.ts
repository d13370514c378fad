/** `paycert merge DIR... [--out DIR]`: one report from the shards' reports. */
import { resolve } from 'node:path';
import { UserError } from '../core/errors';
import { EXIT, exitCodeOf } from '../core/verdict';
import { fileReporters } from '../report';
import { reportsDirProblem } from '../report/files';
import { verdictLine } from '../report/console-reporter';
import { mergeReports, readReport } from '../report/merge';
import { readSigningKey } from '../report/certificate';
import { ReporterMux } from '../core/reporter';
import { parse } from './args';
import { MERGE_HELP } from './help';
import type { Io } from './io';

export async function mergeCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('merge', argv, { out: { type: 'string' }, 'sign-key': { type: 'string' } }, true);
  if (values.help) {
    io.out.write(MERGE_HELP);
    return EXIT.certified;
  }
  if (positionals.length === 0) throw new UserError('merge: name at least one reports folder', undefined, undefined, 'paycert merge reports-1 reports-2');
  const reports = positionals.map((dir) => {
    try {
      return readReport(dir);
    } catch (error) {
      throw new UserError((error as Error).message.split('\n')[0]!, { file: dir });
    }
  });
  let merged;
  try {
    merged = mergeReports(reports);
  } catch (error) {
    throw new UserError(`merge: ${(error as Error).message}`);
  }
  const signKeyFile = values['sign-key'] === undefined ? undefined : resolve(values['sign-key']);
  if (signKeyFile !== undefined) readSigningKey(signKeyFile);
  const out = resolve(values.out ?? 'reports');
  const outProblem = reportsDirProblem(out);
  if (outProblem) throw new UserError(`--out: ${outProblem}`);
  const mux = new ReporterMux(fileReporters(out, signKeyFile === undefined ? {} : { signKeyFile }));
  await mux.onEnd(merged);
  if (mux.errors.length) throw new UserError(`merge: cannot write the reports in ${out}: ${String(mux.errors[0]!.error)}`);
  const targets = merged.targets ? `; targets: ${merged.targets.map((t) => t.baseUrl).join(', ')}` : '';
  io.out.write(`${verdictLine(merged)}\nmerged ${reports.length} reports into ${out}${targets}\n`);
  return exitCodeOf(merged);
}
