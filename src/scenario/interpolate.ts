/**
 * `${name.path}` in scenario values. A string that is exactly one reference takes the referenced
 * value with its type (so `expiry_year: ${clock.last_year}` stays a number); references inside
 * longer text are written in.
 */
import { dig, isView, resolveInView } from './view';

const REFERENCE = /\$\{([a-z_][a-z0-9_]*)((?:\.[A-Za-z0-9_-]+)*)\}/g;
const WHOLE = /^\$\{([a-z_][a-z0-9_]*)((?:\.[A-Za-z0-9_-]+)*)\}$/;

export type Vars = Record<string, unknown>;

/** Thrown when a reference names nothing; the runner turns it into a failure of the step. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}

export function lookup(vars: Vars, name: string, path: string): unknown {
  if (!(name in vars)) throw new CaptureError(`\${${name}${path}} names no earlier step`);
  const base = vars[name];
  const rest = path.replace(/^\./, '');
  const value = rest === '' ? base : isView(base) ? resolveInView(base, rest) : dig(base, rest.split('.'));
  if (value === undefined) throw new CaptureError(`\${${name}${path}} is not in the answer of "${name}"`);
  return value;
}

export function interpolate<T>(value: T, vars: Vars): T {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(vars, whole[1]!, whole[2] ?? '') as T;
    return value.replace(REFERENCE, (_m, name: string, path: string) => {
      const found = lookup(vars, name, path);
      return typeof found === 'string' ? found : JSON.stringify(found);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, vars)])) as T;
  }
  return value;
}

/** Every name referenced anywhere in a value (for the loader's static check). */
export function captureNames(value: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(REFERENCE)) names.add(m[1]!);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...names];
}
