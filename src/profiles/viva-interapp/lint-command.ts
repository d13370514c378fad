/** `paycert viva lint`: the Viva Terminal inter-app profile's client-side conformance. */
import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { UserError } from '../core/errors';
import { inputFileProblem, MAX_KEY_FILE_BYTES, MAX_LOG_FILE_BYTES } from '../core/input-file';
import { EXIT } from '../core/verdict';
import { didYouMean } from '../core/did-you-mean';
import { readProviderKey } from '../profiles/viva-interapp/protocol/aade';
import { lintUri, urisOfLines } from '../profiles/viva-interapp/protocol/lint/lint';
import { formatLintSummary, formatUriResult } from '../profiles/viva-interapp/protocol/lint/format';
import { redactUri } from '../profiles/viva-interapp/protocol/request';
import { parse } from './args';
import { VIVA_HELP } from './help';
import type { Io } from './io';

export function vivaCommand(argv: readonly string[], io: Io): number {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out.write(VIVA_HELP);
    return sub === undefined ? EXIT.harnessError : EXIT.certified;
  }
  if (sub !== 'lint') {
    const guess = didYouMean(sub, ['lint']);
    throw new UserError(`viva: unknown subcommand "${sub}"`, undefined, undefined, guess ? `did you mean "paycert viva ${guess}"?` : 'see paycert viva --help');
  }
  return lint(rest, io);
}

function lint(argv: readonly string[], io: Io): number {
  const { values, positionals } = parse('viva lint', argv, {
    file: { type: 'string' },
    'aade-public-key': { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
  }, true);
  if (values.help) {
    io.out.write(VIVA_HELP);
    return EXIT.certified;
  }
  const uris = positionals.map((text, i) => ({ source: `argument ${i + 1}`, text }));
  if (values.file !== undefined) uris.push(...urisOfLines(readText(values.file, 'viva lint: --file', MAX_LOG_FILE_BYTES), values.file));
  if (uris.length === 0) throw new UserError('viva lint: no URI to check', undefined, undefined, 'give URIs as arguments or --file FILE with one a line');
  const aadeKey = values['aade-public-key'] === undefined ? undefined : readAadeKey(values['aade-public-key']);
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
