/**
 * Hostile input never crashes or hangs paycert (issue 14): the project's own scenario files and a
 * few representative target configs and a transaction book, mutated hundreds of ways
 * (src/testing/yaml-mutants.ts), go through the loaders `paycert lint`, `paycert run` and
 * `paycert serve --book` use, in this process. Every outcome must be a clean pass or a clean
 * UserError (one line, naming the file), never another exception, and each file must be done
 * well within a bound no loaded machine reaches. Deterministic: a failure names its seed
 * (PAYCERT_FUZZ_SEED=N reruns exactly those mutants).
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTargetConfig } from '../config/load-config';
import { UserError, UserErrors } from '../core/errors';
import { parseScenarioFile, specFiles } from '../scenario/load';
import { mutant } from '../testing/yaml-mutants';
import { parseBook } from '../profiles/viva-interapp/terminal/book';

const SEED = Number(process.env.PAYCERT_FUZZ_SEED ?? 14_2025);
/** Parse and validate take milliseconds; five seconds is a bound only a hang or a blow-up reaches. */
const PER_FILE_MS = 5_000;
const ROOT = join(__dirname, '..', '..');
const TESTDATA = join(__dirname, 'testdata');

const ENV = {
  VIOPAY_HMAC_SECRET: 'fuzz-hmac-secret',
  VIOPAY_MSK: '000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F',
  VPWS_DEALER_A_TOKEN: 'fuzz-dealer-a-token',
  VPWS_DEALER_B_TOKEN: 'fuzz-dealer-b-token',
  VIVA_MERCHANT_KEY: 'fuzz-merchant-key',
  AADE_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

interface Input {
  file: string;
  text: string;
  load(file: string, text: string): unknown;
  mutants: number;
}

const specs: Input[] = specFiles([join(ROOT, 'specs')]).map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8'), load: parseScenarioFile, mutants: 10 }));
const configs: Input[] = ['viopay-pos.target.yaml', 'vpws.target.yaml', 'viva-interapp.target.yaml'].map((name) => ({
  file: join(TESTDATA, name),
  text: readFileSync(join(TESTDATA, name), 'utf8'),
  load: (file, text) => parseTargetConfig(file, text, ENV),
  mutants: 40,
}));
const book: Input = { file: join(TESTDATA, 'book.yaml'), text: readFileSync(join(TESTDATA, 'book.yaml'), 'utf8'), load: parseBook, mutants: 40 };

/** Null when `error` is a clean refusal of `file` (every line one line, naming the file), else what is wrong with it. */
function uncleanness(error: unknown, file: string): string | null {
  const errors = error instanceof UserErrors ? error.errors : error instanceof UserError ? [error] : undefined;
  if (!errors) return `threw ${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)}`;
  if (errors.length === 0) return 'threw UserErrors with no error';
  for (const e of errors) {
    const line = e.oneLine();
    if (/[\r\n\u0000]/.test(line)) return `an error of more than one line: ${JSON.stringify(line.slice(0, 200))}`;
    if (!line.startsWith(`${file}:`) && !line.startsWith(`${file} `)) return `an error that does not name the file: ${JSON.stringify(line.slice(0, 200))}`;
  }
  return null;
}

/** Runs every mutant of `input` through its loader; the problems found, each with what reruns it. */
function fuzz(input: Input, index: number): { problems: string[]; outcomes: Record<string, number> } {
  const problems: string[] = [];
  const outcomes: Record<string, number> = { passed: 0, refused: 0 };
  for (let k = 0; k < input.mutants; k++) {
    const seed = SEED * 7919 + index * 1000 + k;
    const { name, text } = mutant(input.text, seed);
    const where = `PAYCERT_FUZZ_SEED=${SEED} ${input.file} mutant ${k} (seed ${seed}: ${name})`;
    const started = performance.now();
    let problem: string | null = null;
    try {
      input.load(input.file, text);
      outcomes.passed! += 1;
    } catch (error) {
      problem = uncleanness(error, input.file);
      if (!problem) outcomes.refused! += 1;
    }
    const ms = performance.now() - started;
    if (problem) problems.push(`${where}: ${problem}`);
    if (ms > PER_FILE_MS) problems.push(`${where}: took ${Math.round(ms)} ms, more than ${PER_FILE_MS} ms`);
  }
  return { problems, outcomes };
}

describe('hostile input files: every mutant is a clean pass or a clean one-line error, in bounded time', () => {
  // Measured at about 5 s for all of them on a loaded 2-core machine; the bound is for the worst case.
  jest.setTimeout(60_000);

  it.each([
    ['scenario files (paycert lint, paycert run)', specs],
    ['target configs (--config)', configs],
    ['the transaction book (serve --book)', [book]],
  ])('%s', (_what, inputs) => {
    // Arrange
    const offset = inputs === specs ? 0 : inputs === configs ? 100 : 200;
    // Act
    const results = inputs.map((input, i) => fuzz(input, offset + i));
    // Assert
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    // The mutants reach both sides: some still load, most are refused.
    const total = results.reduce((sum, r) => ({ passed: sum.passed + r.outcomes.passed!, refused: sum.refused + r.outcomes.refused! }), { passed: 0, refused: 0 });
    expect(total.refused).toBeGreaterThan(0);
  });
});
