/**
 * The options of `paycert run` that users of jest, Playwright and schemathesis reach for: when to
 * stop (`--bail`, `--max-failures N`), which reporters run (`--reporter`), and how much the console
 * says (`--quiet`, the n/N progress). Each bad value is one line and exit 2.
 */
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import type { Reporter } from '../core/reporter';
import { ConsoleReporter, colorEnabled, fileReporters, progressMode, REPORTER_NAMES, type FileReporterName, type ReporterName } from '../report';
import type { Io } from './io';

/** `--bail` (stop at the first failed check) or `--max-failures N` (at the N-th); undefined: run every check. */
export function stopOption(values: { bail?: boolean; 'max-failures'?: string }): { count: number; option: string } | undefined {
  const given = values['max-failures'];
  if (values.bail && given !== undefined) throw new UserError('--bail and --max-failures are one choice: --bail is --max-failures 1');
  if (values.bail) return { count: 1, option: '--bail' };
  if (given === undefined) return undefined;
  const count = Number(given);
  if (!/^\d+$/.test(given.trim()) || !Number.isSafeInteger(count) || count < 1) throw new UserError(`--max-failures must be a whole number of 1 or more, got "${given}"`);
  return { count, option: `--max-failures ${count}` };
}

/**
 * `--reporter console,json,junit,md,html` (a comma list, repeatable): the reporters to run, all of
 * them when not given. An unknown name is one line with the closest.
 */
export function reporterOption(values: readonly string[] | undefined): ReadonlySet<ReporterName> {
  if (values === undefined) return new Set(REPORTER_NAMES);
  const names = values.flatMap((v) => v.split(',')).map((n) => n.trim());
  const chosen = new Set<ReporterName>();
  for (const name of names) {
    if (name === '') throw new UserError(`--reporter takes a comma list of ${REPORTER_NAMES.join(', ')}, got "${values.join(',')}"`);
    if (!(REPORTER_NAMES as readonly string[]).includes(name)) {
      const guess = didYouMean(name, REPORTER_NAMES);
      throw new UserError(`--reporter ${name} is not a reporter`, undefined, undefined, guess ? `did you mean "${guess}"?` : `reporters: ${REPORTER_NAMES.join(', ')}`);
    }
    chosen.add(name as ReporterName);
  }
  return chosen;
}

/**
 * The reporters of a run: the console (with its colour, progress and --quiet settings read from
 * the terminal and the environment) and the chosen report files in `reportsDir`.
 */
export function runReporters(io: Io, chosen: ReadonlySet<ReporterName>, reportsDir: string, quiet: boolean, signKeyFile: string | undefined): Reporter[] {
  const isTTY = (io.out as { isTTY?: boolean }).isTTY;
  const files = [...chosen].filter((n): n is FileReporterName => n !== 'console');
  return [
    ...(chosen.has('console') ? [new ConsoleReporter({ out: io.out, color: colorEnabled(io.env, isTTY) && !io.env.CI, ci: Boolean(io.env.CI), progress: progressMode(io.env, isTTY), quiet })] : []),
    ...fileReporters(reportsDir, { ...(signKeyFile !== undefined && { signKeyFile }) }, files),
  ];
}
