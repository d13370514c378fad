/**
 * Turns ajv errors on a YAML document into UserErrors that point at `file:line:col`, name the
 * path in the document, say what is wrong in words, and suggest the key that was meant.
 */
import type { ErrorObject } from 'ajv';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import { formatPath, locate, type DocPath, type YamlSource } from './yaml';

function pathOf(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(p.type)}`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'pattern':
      return `must match ${String(p.pattern)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Ranks errors so one message per place is the most useful one. */
const PRIORITY: Record<string, number> = { additionalProperties: 0, required: 1, oneOf: 2, anyOf: 2, type: 3, enum: 4, const: 4 };

/**
 * One UserError per document path, most specific keyword first. `hints` gives a better message
 * for a path whose last key matches (e.g. `msk` -> "must be 64 hex digits").
 */
export function schemaErrors(source: YamlSource, errors: readonly ErrorObject[], hints: Record<string, string> = {}): UserError[] {
  const byPath = new Map<string, { error: ErrorObject; path: DocPath; key: boolean }>();
  // Where a value matches none of several forms, the branches' own errors mislead (the first
  // branch says "must be integer" of a list): say once what the forms are.
  const alternatives = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') alternatives.set(error.instancePath, error);
  }
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      const path = pathOf(error.instancePath);
      const described = (error.parentSchema as { description?: string } | undefined)?.description;
      byPath.set(formatPath(path), { error: { ...error, message: described ? `must be ${described}` : 'matches none of the allowed forms' }, path, key: false });
      continue;
    }
    if (alternatives.has(error.instancePath) || [...alternatives.keys()].some((p) => p !== '' && error.instancePath.startsWith(`${p}/`))) continue;
    const p = error.params as Record<string, unknown>;
    let path: DocPath = pathOf(error.instancePath);
    let key = false;
    if (error.keyword === 'additionalProperties') {
      path = [...path, String(p.additionalProperty)];
      key = true;
    }
    if (error.keyword === 'required') path = [...path, String(p.missingProperty)];
    const id = formatPath(path);
    const seen = byPath.get(id);
    if (!seen || (PRIORITY[error.keyword] ?? 9) < (PRIORITY[seen.error.keyword] ?? 9)) byPath.set(id, { error, path, key });
  }
  return [...byPath.values()].map(({ error, path, key }) => {
    const p = error.params as Record<string, unknown>;
    const where = { file: source.file, ...locate(source, error.keyword === 'required' ? path.slice(0, -1) : path, key) };
    const name = String(path[path.length - 1] ?? '');
    if (error.keyword === 'additionalProperties') {
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = didYouMean(name, allowed);
      return new UserError(`unknown field "${name}"`, where, formatPath(path), guess ? `did you mean "${guess}"?` : `allowed: ${allowed.join(', ')}`);
    }
    if (error.keyword === 'required') return new UserError(`"${String(p.missingProperty)}" is required`, where, formatPath(path));
    return new UserError(hints[name] ?? describe(error), where, formatPath(path));
  });
}
