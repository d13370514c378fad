/**
 * `paycert init [--profile P] [--out FILE] [--force]`: writes a commented target config for a
 * profile (PROFILE section 4), every secret an `${ENV}` placeholder, for the user to fill and run
 * with `paycert run --config FILE`. The template is the profile's own file,
 * src/profiles/<name>/config.template.yaml (a test keeps each one loadable and complete).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { defaultProfileName } from '../run/resolve-target';
import { parse } from './args';
import { initHelp } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { profilesNamed } from './list';

/** The file `paycert init` writes when no --out is given, in the working directory. */
export const DEFAULT_CONFIG_FILE = 'paycert.config.yaml';

/** Where a profile's config template lives: in its own folder, beside its target side. */
export function configTemplateFile(profile: string): string {
  return join(PACKAGE_ROOT, 'src', 'profiles', profile, 'config.template.yaml');
}

/** The template of `profile`, or a user error for a profile that has none. @throws UserError */
export function configTemplate(profile: string): string {
  const file = configTemplateFile(profile);
  if (!existsSync(file)) throw new UserError(`init: profile ${profile} has no config template`, undefined, undefined, `write one as ${relative(PACKAGE_ROOT, file)}`);
  return readFileSync(file, 'utf8');
}

/** The environment variables a template reads (`${NAME}`), in order, each once. */
export function templateVariables(template: string): string[] {
  // Only values: a `${NAME}` in a comment line is documentation, not a reference.
  const values = template.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
  return [...new Set([...values.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!))];
}

export function initCommand(argv: readonly string[], io: Io): number {
  const { values } = parse('init', argv, { profile: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  if (values.help) {
    io.out.write(initHelp());
    return EXIT.certified;
  }
  const profile = values.profile === undefined ? defaultProfileName() : profilesNamed(values.profile)[0]!.name;
  const template = configTemplate(profile);
  const out = values.out ?? DEFAULT_CONFIG_FILE;
  if (out === '-') {
    io.out.write(template);
    return EXIT.certified;
  }
  const file = resolve(out);
  try {
    // 'wx' fails when the file exists: no window between a check and the write.
    writeFileSync(file, template, { encoding: 'utf8', flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError(`init: ${out} exists`, undefined, undefined, 'add --force to overwrite it, or give --out FILE');
    throw new UserError(`init: cannot write ${out}: ${code ?? String(error)}`);
  }
  const variables = templateVariables(template);
  io.out.write(
    `paycert: wrote ${out} (profile ${profile}); read its comments and set base_url` +
      (variables.length > 0 ? `, set ${variables.join(', ')}` : '') +
      `, then run: paycert run --config ${out}\n`,
  );
  return EXIT.certified;
}
