/** Argument parsing on node:util parseArgs, with one-line errors and "did you mean" for options. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';

export type Options = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

export function parse<T extends Options>(command: string, argv: readonly string[], options: T, allowPositionals = false) {
  const withHelp = { ...options, ...HELP } as T & typeof HELP;
  try {
    const parsed = parseArgs({ args: [...argv], options: withHelp, allowPositionals: true, strict: true });
    // An empty value (`--reports ''`, an unset shell variable) is never what was meant: refused, not read as "not given".
    for (const [name, value] of Object.entries(parsed.values)) {
      for (const one of Array.isArray(value) ? value : [value]) {
        if (one === '') throw new UserError(`${command}: --${name} needs a value, got an empty one`, undefined, undefined, `see paycert ${command} --help`);
      }
    }
    if (!allowPositionals && parsed.positionals.length > 0) {
      throw new UserError(`${command}: unexpected argument "${parsed.positionals[0]}"`, undefined, undefined, `see paycert ${command} --help`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const guess = didYouMean(unknown.replace(/^-+/, ''), Object.keys(options));
      throw new UserError(`${command}: unknown option ${unknown}`, undefined, undefined, guess ? `did you mean --${guess}?` : `see paycert ${command} --help`);
    }
    throw new UserError(`${command}: ${message.split('\n')[0]}`, undefined, undefined, `see paycert ${command} --help`);
  }
}

/** A positive number of seconds. */
export function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`--${name} must be a positive number of seconds, got "${value}"`);
  return n;
}
