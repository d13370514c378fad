/**
 * The answer budget on the command line (`--max-answer-bytes`): how much of any answer a command
 * that talks to a target reads before it cuts the rest (the whole-exchange deadline is `--timeout`).
 */
import { UserError } from '../core/errors';

/** Smaller than this, an ordinary error body would be cut. */
export const MIN_ANSWER_BYTES = 1024;
/** Larger than this, one answer to each check is gigabytes again: the budget would protect nothing. */
export const MAX_ANSWER_BYTES = 256 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2 };

/**
 * `--max-answer-bytes`: a whole number of bytes, or of KiB or MiB (`65536`, `64KiB`, `4MiB`, `4m`),
 * from 1 KiB to 256 MiB; undefined when not given (the transport's default, 4 MiB).
 * @throws UserError (exit 2, one line) for anything else.
 */
export function answerBudget(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,12})\s*([a-z]*)$/i.exec(value.trim());
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Number(m[1]) * unit : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < MIN_ANSWER_BYTES || bytes > MAX_ANSWER_BYTES) {
    throw new UserError(`--max-answer-bytes must be a number of bytes from 1KiB to 256MiB (e.g. 65536, 64KiB, 4MiB), got "${value}"`);
  }
  return bytes;
}

