/**
 * Reads an expected-failure baseline (`paycert run --baseline FILE`, `PAYCERT_BASELINE`): a YAML
 * list of `{ check, reason, ticket?, expires? }`, validated against baseline.schema.json, each
 * check id known to the run's profile, no check listed twice, each `expires` a real date. Every
 * problem is a UserError at `file:line:col`. The rule that applies it is core/baseline.ts.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { didYouMean } from '../core/did-you-mean';
import { UserError, UserErrors } from '../core/errors';
import { assertInputFile, MAX_YAML_FILE_BYTES } from '../core/input-file';
import type { BaselineEntry } from '../core/types';
import { schemaErrors } from '../source/schema-errors';
import { locate, parseYaml, type YamlSource } from '../source/yaml';
import schema from './baseline.schema.json';

// validateSchema off: our own schema, checked against its meta-schema once by src/own-schemas.test.ts, not at every start (100-500 ms each).
const validateBaseline = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false }).compile(schema);

const HINTS: Record<string, string> = {
  expires: 'must be a date YYYY-MM-DD, e.g. 2026-03-31',
  reason: 'must say why the check fails, in words',
  check: 'must be a check id',
  ticket: 'must be a ticket reference, e.g. PAY-123',
};

/** The baseline a run applies: where it came from (as given) and its entries. */
export interface LoadedBaseline {
  file: string;
  entries: BaselineEntry[];
}

/** A registered check, as the loader needs it: its id and its profile. */
export interface KnownCheck {
  id: string;
  profile: string;
}

/** Whether `date` (YYYY-MM-DD) is a day of the calendar: 2026-02-30 is not. */
function isCalendarDate(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

interface RawEntry {
  check: string;
  reason: string;
  ticket?: string | number;
  expires?: string;
}

/** The problems schema validation cannot see: unknown or foreign check ids, duplicates, impossible dates. */
function entryErrors(source: YamlSource, raw: readonly RawEntry[], checks: readonly KnownCheck[], profile: string): UserError[] {
  const errors: UserError[] = [];
  const mine = checks.filter((c) => c.profile === profile).map((c) => c.id);
  const mineSet = new Set(mine);
  const seen = new Map<string, number>();
  raw.forEach((entry, i) => {
    const at = (key: string) => ({ file: source.file, ...locate(source, [i, key]) });
    if (!mineSet.has(entry.check)) {
      const elsewhere = checks.find((c) => c.id === entry.check);
      const guess = didYouMean(entry.check, mine);
      errors.push(
        elsewhere
          ? new UserError(`"${entry.check}" is a check of profile ${elsewhere.profile}, not of ${profile}`, at('check'), `[${i}].check`)
          : new UserError(`"${entry.check}" is not a registered check id`, at('check'), `[${i}].check`, guess ? `did you mean "${guess}"?` : 'paycert run lists the check ids'),
      );
    }
    const first = seen.get(entry.check);
    if (first !== undefined) errors.push(new UserError(`"${entry.check}" is listed twice (first as entry ${first + 1})`, at('check'), `[${i}].check`, 'keep one entry per check'));
    else seen.set(entry.check, i);
    if (entry.expires !== undefined && !isCalendarDate(entry.expires)) errors.push(new UserError(`${entry.expires} is not a date of the calendar`, at('expires'), `[${i}].expires`));
  });
  return errors;
}

/**
 * The baseline in `file` for a run of `profile`, checked against the registered `checks`.
 * Throws a UserError (one problem) or UserErrors (several), each at `file:line:col`.
 */
export function loadBaseline(file: string, checks: readonly KnownCheck[], profile: string): LoadedBaseline {
  assertInputFile(file, 'the baseline file', MAX_YAML_FILE_BYTES);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the baseline file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file });
  }
  const source = parseYaml(file, text);
  // A file of comments only (what `paycert baseline write` makes of a clean run) is an empty baseline.
  const value = source.value ?? [];
  if (!Array.isArray(value)) {
    throw new UserError('a baseline is a YAML list of entries, each "- check: ID" with a "reason:"', { file, ...locate(source, []) });
  }
  if (!validateBaseline(value)) throw new UserErrors(schemaErrors(source, validateBaseline.errors ?? [], HINTS));
  const raw = value as RawEntry[];
  const errors = entryErrors(source, raw, checks, profile);
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new UserErrors(errors);
  const entries = raw.map(
    (e): BaselineEntry => ({
      check: e.check,
      reason: e.reason,
      ...(e.ticket !== undefined && { ticket: String(e.ticket) }),
      ...(e.expires !== undefined && { expires: e.expires }),
    }),
  );
  return { file, entries };
}
