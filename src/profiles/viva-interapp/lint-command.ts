/** `paycert viva lint`: the Viva Terminal inter-app profile's client-side conformance, a command this profile declares. */
import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { UserError } from '../../core/errors';
import { inputFileProblem, MAX_KEY_FILE_BYTES, MAX_LOG_FILE_BYTES } from '../../core/input-file';
import { EXIT } from '../../core/verdict';
import { didYouMean } from '../../core/did-you-mean';
import type { CommandIo, CommandShell, ProfileCommand } from '../target-side';
import { readProviderKey } from './protocol/aade';
import { lintUri, urisOfLines } from './protocol/lint/lint';
import { formatLintSummary, formatUriResult } from './protocol/lint/format';
import { redactUri } from './protocol/request';

export const VIVA_HELP = `Usage: paycert viva lint [options] [URI...]

lint   checks Viva Terminal Cancel/Refund request URIs (seed 003, PROFILE section 3), as a
       client app opens them: vivapayclient://pay/v1?merchantKey=...&appId=...&action=cancel&...
       Each URI gets a verdict; every check that did not pass is listed with its id, level,
       seed file and PROFILE clause. A "+" in a query is read literally (the seed's "+0300"
       offsets and base64 signatures are sent unencoded), never as a form-encoded space.
       Quote URIs in the shell: "&" ends a command.

Options:
  --file FILE             read URIs from FILE, one a line (a client's log; text before
                          "vivapayclient://" on a line is ignored; blank and # lines skipped)
  --aade-public-key FILE  the AADE provider's public key (PEM): verify aadeProviderSignature
  --strict                a SHOULD failure (warning) fails the URI too
  --json                  print the results as JSON instead of text
  -h, --help              this help

Exit codes: 0 every URI passed, 1 a URI failed, 2 the harness could not run (no URI, bad file).
`;

function vivaCommand(argv: readonly string[], io: CommandIo, shell: CommandShell): number {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out.write(VIVA_HELP);
    return sub === undefined ? EXIT.harnessError : EXIT.certified;
  }
  if (sub !== 'lint') {
    const guess = didYouMean(sub, ['lint']);
    throw new UserError(`viva: unknown subcommand "${sub}"`, undefined, undefined, guess ? `did you mean "paycert viva ${guess}"?` : 'see paycert viva --help');
  }
  return lint(rest, io, shell);
}

function lint(argv: readonly string[], io: CommandIo, shell: CommandShell): number {
  const { values, positionals } = shell.parse('viva lint', argv, {
    file: { type: 'string' },
    'aade-public-key': { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
  }, true);
  if (values.help) {
    io.out.write(VIVA_HELP);
    return EXIT.certified;
  }
  const file = values.file as string | undefined;
  const keyFile = values['aade-public-key'] as string | undefined;
  const uris = positionals.map((text, i) => ({ source: `argument ${i + 1}`, text }));
  if (file !== undefined) uris.push(...urisOfLines(readText(file, 'viva lint: --file', MAX_LOG_FILE_BYTES), file));
  if (uris.length === 0) throw new UserError('viva lint: no URI to check', undefined, undefined, 'give URIs as arguments or --file FILE with one a line');
  const aadeKey = keyFile === undefined ? undefined : readAadeKey(keyFile);
  const results = uris.map(({ source, text }) => lintUri(source, text, { aadeKey }, values.strict === true));
  if (values.json) {
    io.out.write(`${JSON.stringify(results.map((r) => ({ ...r, text: redactUri(r.text) })), null, 2)}\n`);
  } else {
    for (const result of results) io.out.write(formatUriResult(result));
    io.out.write(formatLintSummary(results));
  }
  return results.some((r) => r.verdict === 'failed') ? EXIT.notCertified : EXIT.certified;
}

/** A file the user named, once it is known to be a regular file of at most `maxBytes` (a FIFO would block). */
function readText(file: string, what: string, maxBytes: number): string {
  const problem = inputFileProblem(file, maxBytes);
  if (problem) throw new UserError(`${what}: the file ${problem}`, { file });
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`${what}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file });
  }
}

/** Reads `--aade-public-key FILE` (EC P-256, PEM). @throws UserError */
export function readAadeKey(file: string): KeyObject {
  const pem = readText(file, '--aade-public-key', MAX_KEY_FILE_BYTES);
  try {
    return readProviderKey(pem);
  } catch (error) {
    throw new UserError(`--aade-public-key: ${(error as Error).message.split('\n')[0]}`, { file }, undefined, 'give an EC P-256 public key in PEM (-----BEGIN PUBLIC KEY-----)');
  }
}

/** `paycert viva ...`. */
export const VIVA_COMMAND: ProfileCommand = {
  name: 'viva',
  summary: 'Viva Terminal inter-app: lint a client app\'s request URIs (terminals: run --profile viva-interapp)',
  run: vivaCommand,
};
