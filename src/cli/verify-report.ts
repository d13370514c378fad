/**
 * `paycert verify-report DIR [--verify-key PEM]`: whether a run's reports are as its
 * certificate.json recorded them, the suite is this harness's and (signed) the signature holds.
 * Exit 0 when every finding holds, 1 when one does not, 2 on bad input.
 */
import { basename, resolve } from 'node:path';
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { readVerifyKey } from '../report/certificate';
import { verifyReports, type Finding } from '../report/verify-report';
import { suiteHash } from '../run/suite-hash';
import { harnessVersion } from '../run/version';
import { parse } from './args';
import { VERIFY_REPORT_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';

const WIDTH = Math.max(...(['ok', 'ALTERED', 'MISSING', 'NOT COVERED', 'DIFFERS', 'BAD', 'note'] as const).map((w) => w.length));

const line = (f: Finding, subjectWidth: number) => `  ${f.word.padEnd(WIDTH)}  ${f.subject.padEnd(subjectWidth)}  ${f.text}`;

export function verifyReportCommand(argv: readonly string[], io: Io): number {
  const { values, positionals } = parse('verify-report', argv, { 'verify-key': { type: 'string' } }, true);
  if (values.help) {
    io.out.write(VERIFY_REPORT_HELP);
    return EXIT.certified;
  }
  if (positionals.length > 1) throw new UserError(`verify-report: one reports folder at a time, got ${positionals.length}`, undefined, undefined, 'paycert verify-report reports');
  const dir = positionals[0] ?? 'reports';
  const keyFile = values['verify-key'];
  const publicKey = keyFile === undefined ? undefined : readVerifyKey(resolve(keyFile));
  const { certificate, findings, verified } = verifyReports(resolve(dir), {
    suiteHash: suiteHash(PACKAGE_ROOT),
    harnessVersion: harnessVersion(),
    ...(publicKey && { publicKey, publicKeyName: basename(keyFile!) }),
  });
  const width = Math.max(...findings.map((f) => f.subject.length));
  const failed = findings.filter((f) => !f.ok);
  const summary = verified
    ? `paycert: VERIFIED - the reports in ${dir} are as certified (verdict ${certificate.verdict.toUpperCase()})`
    : `paycert: NOT VERIFIED - ${failed.map((f) => `${f.subject} ${f.word}`).join(', ')}`;
  io.out.write([`paycert verify-report ${dir}`, ...findings.map((f) => line(f, width)), summary, ''].join('\n'));
  return verified ? EXIT.certified : EXIT.notCertified;
}
