/**
 * The `paycert` command line: the thin shell around the core. It parses, dispatches, prints and
 * returns the exit code; a user's mistake is one line on stderr and exit 2, never a stack trace.
 */
import { UserError, UserErrors } from '../core/errors';
import { Redactor } from '../core/redactor';
import { EXIT } from '../core/verdict';
import { didYouMean } from '../core/did-you-mean';
import { allProfiles } from '../profiles';
import { harnessVersion } from '../run/version';
import { parse } from './args';
import { mainHelp } from './help';
import { processIo, type Io } from './io';
import { lintCommand } from './lint';
import { mergeCommand } from './merge';
import { baselineCommand } from './baseline';
import { verifyReportCommand } from './verify-report';
import { replayCommand } from './replay';
import { runCommand } from './run';
import { pactCommand } from './pact';
import { selftestCommand } from './selftest';
import { serveCommand } from './serve';
import { listCommand } from './list';
import { initCommand } from './init';

type Command = (argv: readonly string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  serve: serveCommand,
  lint: lintCommand,
  merge: mergeCommand,
  'verify-report': verifyReportCommand,
  baseline: baselineCommand,
  replay: replayCommand,
  selftest: selftestCommand,
  pact: pactCommand,
  list: listCommand,
  init: initCommand,
};

/** The built-in commands, then the profiles' own (`paycert <word> ...` a profile declares), which lend them the shell's option parser. */
function commands(): Record<string, Command> {
  const all: Record<string, Command> = { ...COMMANDS };
  for (const profile of allProfiles()) {
    for (const command of profile.target.commands ?? []) {
      if (command.name in all) throw new Error(`profile "${profile.name}" declares the command "${command.name}", which paycert has already`);
      all[command.name] = (argv, io) => command.run(argv, io, { parse: (name, args, options, positionals) => parse(name, args, options, positionals) });
    }
  }
  return all;
}

/** `paycert list checks | head`: a reader that stops early is not a crash; the command ends as it would. */
function ignoreClosedPipe(io: Io): void {
  if (io.out !== process.stdout || process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  ignoreClosedPipe(io);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) {
    io.out.write(mainHelp());
    return command === undefined ? EXIT.harnessError : EXIT.certified;
  }
  if (command === '--version' || command === '-v') {
    io.out.write(`${harnessVersion()}\n`);
    return EXIT.certified;
  }
  const known = commands();
  // `paycert help <command> [sub]` is `paycert <command> [sub] --help`: each command owns its help.
  const asHelp = command === 'help';
  const [name, args] = asHelp ? [rest[0]!, [...rest.slice(1), '--help']] : [command, rest];
  if (asHelp && name === 'help') {
    io.out.write(mainHelp());
    return EXIT.certified;
  }
  const run = Object.hasOwn(known, name) ? known[name] : undefined;
  try {
    if (!run) {
      const guess = didYouMean(name, Object.keys(known));
      const said = asHelp ? `help: unknown command "${name}"` : `unknown command "${name}"`;
      throw new UserError(said, undefined, undefined, guess ? `did you mean "paycert ${asHelp ? 'help ' : ''}${guess}"?` : 'see paycert --help');
    }
    return await run(args, io);
  } catch (error) {
    // Error lines leave the process too: the run's secrets and any card number are masked in them.
    const redactor = io.redactor ?? Redactor.cardsOnly;
    if (error instanceof UserErrors) {
      for (const e of error.errors) io.err.write(`${redactor.text(e.oneLine())}\n`);
      return EXIT.harnessError;
    }
    if (error instanceof UserError) {
      io.err.write(`paycert: ${redactor.text(error.oneLine())}\n`);
      return EXIT.harnessError;
    }
    // A bug: the bin prints its stack, which may quote a value the target sent.
    if (error instanceof Error) [error.message, error.stack] = [redactor.text(error.message), redactor.text(error.stack ?? '')];
    throw error;
  }
}
