/**
 * `paycert lint [PATHS]`: validate scenario files. With `--specs PATH` (repeatable), the user's
 * files are linted with the built-in ones (or alone, `--no-builtin`) and their check ids checked
 * against every built-in check's, as `paycert run --specs` would load them.
 */
import { join } from 'node:path';
import { checksPerOrigin, allChecks, specsOrigins } from '../checks/all-checks';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { profileNames } from '../profiles';
import { defaultProfileName } from '../run/resolve-target';
import { isSpecFileName } from '../scenario/spec-paths';
import { loadScenarios, specFiles } from '../scenario/load';
import { parse } from './args';
import { LINT_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';

const OPTIONS = {
  specs: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
  profile: { type: 'string' },
} as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `--profile` checked against the registry (the profile of a user's file without `profile:`). */
function lintProfile(value: string | undefined): string {
  if (value === undefined) return defaultProfileName();
  const names = profileNames();
  if (names.includes(value)) return value;
  const guess = didYouMean(value, names);
  throw new UserError(`--profile ${value} is not a profile`, undefined, undefined, guess ? `did you mean "${guess}"?` : `profiles: ${names.join(', ')}`);
}

export function lintCommand(argv: readonly string[], io: Io): number {
  const { values, positionals } = parse('lint', argv, OPTIONS, true);
  if (values.help) {
    io.out.write(LINT_HELP);
    return EXIT.certified;
  }
  const profile = lintProfile(values.profile);
  const paths = values.specs ?? [];
  if (values['no-builtin'] && paths.length === 0) throw new UserError('--no-builtin needs --specs PATH: there would be nothing to lint');
  if (paths.length === 0) {
    const files = specFiles(positionals.length ? positionals : [join(PACKAGE_ROOT, 'specs')]);
    const scenarios = loadScenarios(files, values.profile === undefined ? undefined : profile);
    io.out.write(`paycert lint: ${plural(files.length, 'file')}, ${scenarios.length} scenarios, no problems\n`);
    return EXIT.certified;
  }
  if (positionals.length) throw new UserError(`lint: give scenario files as arguments or with --specs, not both ("${positionals[0]}")`);
  const cwd = process.cwd();
  const checks = allChecks(PACKAGE_ROOT, { paths, cwd, profile, noBuiltin: values['no-builtin'] ?? false }).all();
  const scenarios = checks.filter((c) => isSpecFileName(c.file));
  const files = new Set(scenarios.map((c) => c.file));
  const origins = checksPerOrigin(specsOrigins(paths, cwd), checks).map((o) => `${o.path}: ${plural(o.files, 'file')}, ${o.checks} scenarios`);
  io.out.write(`paycert lint: ${plural(files.size, 'file')}, ${scenarios.length} scenarios, no problems (${values['no-builtin'] ? 'no built-in ones; ' : ''}--specs ${origins.join('; ')})\n`);
  return EXIT.certified;
}
