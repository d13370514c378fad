/**
 * The triage file (mutation/triage.yaml): survivors no check can kill over the API, each with why.
 * An entry names mutants by what survives unrelated edits: the file, and any of the mutator, the
 * enclosing declarations (`in`), the original and the replacement source text (never Stryker's
 * ids or line numbers). It must name `in` or `original`, so that no entry silences a whole file.
 */
import { UserError } from '../core/errors';
import { locate, parseYaml } from '../source/yaml';
import { collapse, type Mutant } from './mutants';

export const TRIAGE_REASONS = ['equivalent', 'unobservable'] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

export interface TriageEntry {
  file: string;
  mutator?: string;
  /** The enclosing declarations as printed (`decideCancel`), or with `.*` everything inside some (`TEXTS.*`). */
  in?: string;
  /** One original text; a list in the file becomes one entry per item (each can go stale on its own). */
  original?: string;
  replacement?: string;
  reason: TriageReason;
  why: string;
  /** Where the entry is, for messages: `mutation/triage.yaml:12`. */
  at: string;
}

const KEYS = ['file', 'mutator', 'in', 'original', 'replacement', 'reason', 'why'] as const;

/** Reads the triage file; every mistake is a UserError at its line. */
export function parseTriage(file: string, text: string): TriageEntry[] {
  const source = parseYaml(file, text);
  const value = source.value ?? [];
  const fail = (message: string, path: Array<string | number>) => {
    const { line, col } = locate(source, path);
    return new UserError(message, { file, line, col });
  };
  if (!Array.isArray(value)) throw fail('the triage file is a list of entries', []);
  return value.flatMap((raw: unknown, i): TriageEntry[] => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail('an entry is a mapping', [i]);
    const entry = raw as Record<string, unknown>;
    const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    for (const key of Object.keys(entry)) {
      if (!(KEYS as readonly string[]).includes(key)) throw fail(`unknown key "${key}" (keys: ${KEYS.join(', ')})`, [i, key]);
      const v = entry[key];
      const ok = nonEmpty(v) || (key === 'original' && Array.isArray(v) && v.length > 0 && v.every(nonEmpty));
      if (!ok) throw fail(`${key} must be a non-empty string${key === 'original' ? ' or a list of them' : ''}`, [i, key]);
    }
    const text = (key: Exclude<(typeof KEYS)[number], 'original'>) => entry[key] as string | undefined;
    if (text('file') === undefined) throw fail('file is required', [i]);
    if (text('in') === undefined && entry.original === undefined) throw fail('name the mutants by "in" or "original" (or both)', [i]);
    if (!(TRIAGE_REASONS as readonly string[]).includes(text('reason') ?? '')) throw fail(`reason must be one of ${TRIAGE_REASONS.join(', ')}`, [i, 'reason']);
    if (text('why') === undefined) throw fail('why is required: one sentence on why no check can see it', [i]);
    const result: TriageEntry = { file: text('file')!, reason: text('reason') as TriageReason, why: collapse(text('why')!), at: `${file}:${locate(source, [i]).line}` };
    for (const key of ['mutator', 'in', 'replacement'] as const) {
      const v = text(key);
      if (v !== undefined) result[key] = key === 'replacement' ? collapse(v) : v;
    }
    if (entry.original === undefined) return [result];
    const originals = Array.isArray(entry.original) ? (entry.original as string[]) : [entry.original as string];
    return originals.map((original, j) => ({ ...result, original: collapse(original), at: `${file}:${locate(source, Array.isArray(entry.original) ? [i, 'original', j] : [i, 'original']).line}` }));
  });
}

/** Does `in` name this enclosing path? Exactly, or with a trailing `.*` that path and everything inside it. */
function inMatches(pattern: string, path: string): boolean {
  if (!pattern.endsWith('.*')) return pattern === path;
  const outer = pattern.slice(0, -2);
  return path === outer || path.startsWith(`${outer}.`);
}

/** Does the entry name this mutant? */
export function matches(entry: TriageEntry, m: Mutant): boolean {
  if (entry.file !== m.file) return false;
  if (entry.mutator !== undefined && entry.mutator !== m.mutator) return false;
  if (entry.in !== undefined && !inMatches(entry.in, m.in)) return false;
  if (entry.original !== undefined && entry.original !== m.original) return false;
  if (entry.replacement !== undefined && entry.replacement !== m.replacement) return false;
  return true;
}

/** A triage entry as YAML, ready to paste (the survivor's keys; `why` left to write). */
export function entryFor(m: Mutant): string {
  const quote = (s: string) => JSON.stringify(s);
  const lines = [`- file: ${m.file}`, `  mutator: ${m.mutator}`];
  if (m.in) lines.push(`  in: ${quote(m.in)}`);
  lines.push(`  original: ${quote(m.original)}`, `  replacement: ${quote(m.replacement)}`, '  reason: unobservable  # or equivalent', '  why: ""');
  return lines.join('\n');
}
