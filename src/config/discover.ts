/**
 * Which target config a command uses when it is not told (config discovery): `--config FILE`,
 * else the environment's PAYCERT_CONFIG, else `paycert.config.yaml` or `target.yaml` in the
 * working directory, else none (the embedded reference target). `--target URL` without
 * `--config` means that URL alone: nothing is discovered then. Every command that takes
 * `--config` resolves it here, so they all find the same file.
 */
import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The environment variable that names a config when `--config` is not given. */
export const CONFIG_ENV = 'PAYCERT_CONFIG';

/** The file names looked for in the working directory, the first preferred when both are there. */
export const CONFIG_FILE_NAMES = ['paycert.config.yaml', 'target.yaml'] as const;

/** Where the config came from. */
export type ConfigOrigin = 'option' | 'env' | 'working-directory';

/** The config a command uses, and why. */
export interface ConfigChoice {
  /** The path to read, as the user would type it (relative to the process's working directory when found there). */
  file: string;
  origin: ConfigOrigin;
  /** A file that was found too and is not read (both names in the working directory). */
  ignored?: string;
}

export interface DiscoveryInput {
  /** `--config` as given. */
  config?: string | undefined;
  /** `--target` as given: with no `--config`, the URL alone (no discovery). */
  target?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** The working directory the files are looked for in. */
  cwd: string;
}

/** Whether anything (a file, or a FIFO or folder the loader will refuse in one line) is at `path`. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The config to use, or undefined for none (a bare `--target URL`, or the embedded target).
 * A file found in `cwd` is named `./NAME` when `cwd` is the process's own, otherwise by its
 * absolute path, so that it reads (and replays) from the process's working directory.
 */
export function discoverConfig(input: DiscoveryInput): ConfigChoice | undefined {
  if (input.config !== undefined) return { file: input.config, origin: 'option' };
  if (input.target !== undefined) return undefined;
  const fromEnv = input.env[CONFIG_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { file: fromEnv, origin: 'env' };
  const here = resolve(input.cwd) === resolve(process.cwd());
  const found = CONFIG_FILE_NAMES.filter((name) => present(join(input.cwd, name))).map((name) => (here ? `./${name}` : join(resolve(input.cwd), name)));
  if (found.length === 0) return undefined;
  return { file: found[0]!, origin: 'working-directory', ...(found[1] !== undefined && { ignored: found[1] }) };
}

/** The line a command prints first: `config: ./target.yaml (found in the working directory)`. */
export function configLine(choice: ConfigChoice): string {
  const why = {
    option: '--config',
    env: `from ${CONFIG_ENV}`,
    'working-directory': choice.ignored === undefined ? 'found in the working directory' : `found in the working directory; ${choice.ignored} is there too and is not read`,
  }[choice.origin];
  return `config: ${choice.file} (${why})`;
}
