/**
 * The transaction book: the payments the simulated terminal has made, from YAML (`--book FILE`)
 * or the built-in sample. Errors name the file, line and field.
 */
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { UserError, UserErrors } from '../../../core/errors';
import { assertInputFile, MAX_YAML_FILE_BYTES } from '../../../core/input-file';
import { schemaErrors } from '../../../source/schema-errors';
import { locate, parseYaml } from '../../../source/yaml';
import { parseIsoWithOffset } from '../protocol/dates';
import schema from './book.schema.json';
import type { BookTransaction, TransactionBook } from './types';

// Compiled on first use: every paycert process loads this module, few read a book (a compile costs ~200 ms).
let compiledBook: ValidateFunction | undefined;
// validateSchema off: our own schema, checked against its meta-schema once by src/own-schemas.test.ts, not at every start (100-500 ms each).
const bookValidator = (): ValidateFunction => (compiledBook ??= new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false }).compile(schema));

type RawBook = { terminal: Partial<TransactionBook['terminal']> & { tid: string }; transactions: Array<Partial<BookTransaction> & Pick<BookTransaction, 'orderCode' | 'shortOrderCode' | 'stan' | 'date' | 'amount' | 'card'>> };

/** Parses and validates book text; fills the defaults (type sale, this terminal, RRN and code from the STAN). */
export function parseBook(file: string, text: string): TransactionBook {
  const source = parseYaml(file, text);
  const validateBook = bookValidator();
  if (!validateBook(source.value)) {
    const errors = schemaErrors(source, validateBook.errors ?? []);
    throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
  }
  const raw = source.value as RawBook;
  const seen = new Set<string>();
  const transactions = raw.transactions.map((t, i): BookTransaction => {
    const at = (field: string) => ({ file, ...locate(source, ['transactions', i, field]) });
    if (parseIsoWithOffset(t.date) === undefined) throw new UserError(`transactions[${i}].date "${t.date}" is not ISO 8601 with an offset`, at('date'), undefined, 'like 2021-03-30T10:15:00.000+0300');
    if (seen.has(t.orderCode)) throw new UserError(`transactions[${i}].orderCode ${t.orderCode} is in the book twice`, at('orderCode'));
    seen.add(t.orderCode);
    return {
      type: t.type ?? 'sale',
      orderCode: t.orderCode,
      shortOrderCode: t.shortOrderCode,
      stan: t.stan,
      date: t.date,
      amount: t.amount,
      card: t.card,
      tid: t.tid ?? raw.terminal.tid,
      rrn: t.rrn ?? `000000${t.stan}`,
      authCode: t.authCode ?? t.stan,
    };
  });
  return { terminal: { tid: raw.terminal.tid, acquirerCode: raw.terminal.acquirerCode ?? '116', offset: raw.terminal.offset ?? '+0300' }, transactions };
}

/** Reads a book file. @throws UserError */
export function readBook(file: string): TransactionBook {
  assertInputFile(file, 'the transaction book', MAX_YAML_FILE_BYTES);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the transaction book (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file });
  }
  return parseBook(file, text);
}
