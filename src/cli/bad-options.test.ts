/**
 * Every command, with an unknown option and with a bad value for each of its value options: ONE
 * line on stderr, exit 2, no stack trace, nothing started. Driven through `main` with an Io; the
 * report a few commands read is made once by a one-check run of the embedded target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../testing/temp-dir';
import type { Io } from './io';
import { main } from './main';

async function paycert(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: { write: (t: string) => void (out += t) }, err: { write: (t: string) => void (err += t) }, env: { CI: 'true', NO_COLOR: '1' } };
  const code = await main(args, io);
  return { code, out, err };
}

const scratch = tempDir('paycert-bad-options-');
/** A path no file can be written to: under a regular file. */
const file = join(scratch, 'a-file');
writeFileSync(file, 'x');
const UNWRITABLE = join(file, 'below');
const MISSING = join(scratch, 'no-such-file');
const reports = join(scratch, 'reports');

beforeAll(async () => {
  mkdirSync(reports);
  const made = await paycert(['run', '--check', 'pos.nonce.length-12-accepted', '--reporter', 'json', '--reports', reports]);
  expect(made.code).toBe(0);
}, 60_000);

/** Each command, as typed before its options (with what it needs to reach them). */
const COMMANDS: Record<string, string[]> = {
  run: ['run'],
  serve: ['serve'],
  lint: ['lint'],
  merge: ['merge', reports],
  'verify-report': ['verify-report', reports],
  'baseline write': ['baseline', 'write'],
  replay: ['replay', reports, 'pos.nonce.length-12-accepted'],
  selftest: ['selftest'],
  'pact generate': ['pact', 'generate'],
  'pact verify': ['pact', 'verify'],
  list: ['list', 'checks'],
  init: ['init'],
  'viva lint': ['viva', 'lint', 'x'],
  client: ['client'],
};

/** A bad value for every value option of every command. */
const BAD_VALUES: Array<[string, string[]]> = [
  ['run', ['--profile', 'nope']],
  ['run', ['--runs', '0']],
  ['run', ['--seed', 'x']],
  ['run', ['--path', 'x']],
  ['run', ['--replay-path', 'AAAA:B']],
  ['run', ['--path', '1:0']],
  ['run', ['--config', MISSING]],
  ['run', ['--target', 'not a url']],
  ['run', ['--reports', UNWRITABLE]],
  ['run', ['--tag', 'nope']],
  ['run', ['--check', 'nope']],
  ['run', ['--exclude-tag', 'nope']],
  ['run', ['--timeout', 'x']],
  ['run', ['--shard', '3/2']],
  ['run', ['--shard', 'x']],
  ['run', ['--shard', '0/2']],
  ['run', ['--baseline', MISSING]],
  ['run', ['--sign-key', MISSING]],
  ['run', ['--concurrency', '0']],
  ['run', ['--max-time', 'x']],
  ['run', ['--max-answer-bytes', 'x']],
  ['run', ['--max-failures', '0']],
  ['run', ['--reporter', 'nope']],
  ['run', ['--specs', MISSING]],
  ['serve', ['--port', 'x']],
  ['serve', ['--port', '70000']],
  ['serve', ['--host', 'no such host']],
  ['serve', ['--profile', 'nope']],
  ['serve', ['--fault', 'nope']],
  ['serve', ['--variant', 'nope']],
  ['serve', ['--book', MISSING]],
  ['serve', ['--aade-public-key', MISSING]],
  ['lint', ['--profile', 'nope']],
  ['lint', ['--specs', MISSING]],
  ['merge', ['--out', UNWRITABLE]],
  ['merge', ['--sign-key', MISSING]],
  ['verify-report', ['--verify-key', MISSING]],
  ['baseline write', ['--report', MISSING]],
  ['baseline write', ['--report', reports, '--out', UNWRITABLE]],
  ['replay', ['--config', MISSING]],
  ['replay', ['--target', 'not a url']],
  ['replay', ['--timeout', 'x']],
  ['replay', ['--max-answer-bytes', 'x']],
  ['selftest', ['--reports', UNWRITABLE]],
  ['selftest', ['--jobs', '0']],
  ['selftest', ['--workers', 'x']],
  ['selftest', ['--only', 'nope']],
  ['selftest', ['--part', 'x']],
  ['pact generate', ['--out', UNWRITABLE]],
  ['pact generate', ['--consumer', 'a b']],
  ['pact generate', ['--provider', 'a/b']],
  ['pact verify', ['--profile', 'nope']],
  ['pact verify', ['--config', MISSING]],
  ['pact verify', ['--target', 'not a url']],
  ['pact verify', ['--pact', MISSING]],
  ['pact verify', ['--timeout', 'x']],
  ['pact verify', ['--max-answer-bytes', 'x']],
  ['pact verify', ['--json-out', UNWRITABLE]],
  ['list', ['--profile', 'nope']],
  ['init', ['--profile', 'nope']],
  ['init', ['--out', UNWRITABLE]],
  ['viva lint', ['--file', MISSING]],
  ['viva lint', ['--aade-public-key', MISSING]],
  ['client', ['--port', 'x']],
  ['client', ['--requests', '0']],
  ['client', ['--duration', 'x']],
  ['client', ['--reports', UNWRITABLE]],
  ['client', ['--profile', 'nope']],
];

/** One line on stderr, exit 2, no stack trace. */
function expectOneLine(result: { code: number; err: string }): void {
  expect({ code: result.code, lines: result.err.split('\n').length - 1 }).toEqual({ code: 2, lines: 1 });
  expect(result.err).toMatch(/^paycert( client)?: /);
  expect(result.err).not.toMatch(/\n\s+at /);
}

describe('every command: an unknown option is one line, exit 2', () => {
  it.each(Object.keys(COMMANDS))('%s --no-such-option', async (command) => {
    const result = await paycert([...COMMANDS[command]!, '--no-such-option']);
    expectOneLine(result);
    expect(result.err).toContain('--no-such-option');
  });

  it.each(Object.keys(COMMANDS))('%s with an option missing its value', async (command) => {
    const valueOption = BAD_VALUES.find(([c]) => c === command)?.[1][0];
    const result = await paycert([...COMMANDS[command]!, valueOption!]);
    expectOneLine(result);
  });

  it.each(Object.keys(COMMANDS))('%s with an empty value (an unset shell variable)', async (command) => {
    const valueOption = BAD_VALUES.find(([c]) => c === command)?.[1][0];
    const result = await paycert([...COMMANDS[command]!, valueOption!, '']);
    expectOneLine(result);
    // `paycert client` parses its own options (its profile's command): its refusal is its own words.
    if (command !== 'client') expect(result.err).toContain(`${valueOption} needs a value, got an empty one`);
  });
});

describe('every value option: a bad value is one line, exit 2', () => {
  it.each(BAD_VALUES)('%s %j', async (command, args) => {
    const result = await paycert([...COMMANDS[command]!, ...args]);
    expectOneLine(result);
  }, 30_000);
});
