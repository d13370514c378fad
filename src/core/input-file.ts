/**
 * Files a user names (a config, a scenario file, a baseline, a transaction book, a key, a client
 * log): refused before opening unless they are regular files of a bounded size, because reading a
 * FIFO blocks forever, a directory or a device is no input, and a huge file costs more than any
 * input paycert reads ever needs. Every refusal is one UserError naming the file.
 */
import { statSync, type Stats } from 'node:fs';
import { UserError } from './errors';

/** The largest YAML file paycert reads (a scenario file, a target config, a baseline, a book). */
export const MAX_YAML_FILE_BYTES = 2 * 1024 * 1024;
/** The largest PEM key file paycert reads (a P-256 key in PEM is a few hundred bytes). */
export const MAX_KEY_FILE_BYTES = 64 * 1024;
/** The largest client log a profile's linter reads with `--file` (one request a line). */
export const MAX_LOG_FILE_BYTES = 16 * 1024 * 1024;

/** What a file that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

/** `2 MiB`, `64 KiB`: a limit as a person reads it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Why `file` cannot be an input of at most `maxBytes`, looking at it without opening it: not a
 * regular file (FIFO, directory, device, socket), or too large. Null when it is fine, and when it
 * cannot be looked at (missing, no permission): reading it says why, in the caller's words.
 */
export function inputFileProblem(file: string, maxBytes: number): string | null {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return `is ${kindOf(stat)}, not a regular file`;
  if (stat.size > maxBytes) return `is ${stat.size} bytes, more than the ${sizeText(maxBytes)} paycert reads`;
  return null;
}

/**
 * Refuses `file` unless it is a regular file of at most `maxBytes` (see inputFileProblem), so
 * that reading it next cannot block or exhaust memory. `what` names it in the message.
 * @throws UserError naming the file: `f.yaml: the config file is a FIFO (named pipe), not a regular file`
 */
export function assertInputFile(file: string, what: string, maxBytes: number): void {
  const problem = inputFileProblem(file, maxBytes);
  if (problem) throw new UserError(`${what} ${problem}`, { file });
}
