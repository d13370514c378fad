/**
 * Mutated YAML files for the input fuzz test (src/source/input-fuzz.test.ts): what a broken
 * editor, a bad merge, a careless copy or a hostile author makes of a good file. Text mutations
 * (lines deleted, swapped or cut, control bytes, BOMs, CRLF, tabs, truncation, huge strings, deep
 * nesting, aliases, alias bombs) and value mutations (keys deleted, values swapped, types flipped,
 * numbers out of any range, broken placeholders, CR/LF and NUL in strings). Deterministic: the
 * same seed gives the same mutants.
 */
import { parse, stringify } from 'yaml';

/** A seeded PRNG (mulberry32): small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)]!;

/** A value of every type, and the hostile ones: out of range, not finite, huge, with CR/LF/NUL, broken placeholders. */
const ODD_VALUES: readonly unknown[] = [
  '', 'x', 0, -1, 1.5, 1e308, -1e308, 1e300, -200, 65536, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, [], {}, [1, 'two'], { a: { b: 1 } },
  'a\r\nX-Injected: 1', 'nul\u0000byte', '\u0001\u007f', '${c.charge_id', '${}', '${${c.charge_id}}', '${nope.x}', '([a-', 'http://127.0.0.1:99999', 'ftp://x',
];

type Path = Array<string | number>;

/** Every path to a value inside `value` (maps and lists), the root excluded. */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...at, i]), paths(v, [...at, i], out)));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.push([...at, k]), paths(v, [...at, k], out));
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  return node;
}

/** A value mutation: parse, change one place, write back (yaml.stringify quotes and escapes what it must). */
function onValue(text: string, rng: Rng, change: (root: unknown, path: Path, all: Path[]) => void): string {
  // A text an earlier mutation made unreadable (or too deep to walk) is left to the text mutations.
  try {
    const root: unknown = parse(text, { maxAliasCount: 100 });
    const all = paths(root);
    if (all.length === 0) return text;
    change(root, pick(rng, all), all);
    return stringify(root);
  } catch {
    return text;
  }
}

const lines = (text: string) => text.split('\n');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const blockNested = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1';

/** One named way to break a file. */
export type Mutation = (text: string, rng: Rng) => string;

export const MUTATIONS: Record<string, Mutation> = {
  'delete-line': (t, r) => {
    const all = lines(t);
    all.splice(int(r, all.length), 1);
    return all.join('\n');
  },
  'swap-lines': (t, r) => {
    const all = lines(t);
    const [i, j] = [int(r, all.length), int(r, all.length)];
    [all[i], all[j]] = [all[j]!, all[i]!];
    return all.join('\n');
  },
  'duplicate-line': (t, r) => {
    const all = lines(t);
    const i = int(r, all.length);
    all.splice(i, 0, all[i]!);
    return all.join('\n');
  },
  truncate: (t, r) => t.slice(0, int(r, t.length)),
  'control-bytes': (t, r) => {
    let out = t;
    for (let n = 1 + int(r, 5); n > 0; n--) {
      const at = int(r, out.length + 1);
      out = out.slice(0, at) + String.fromCharCode(pick(r, [0, 1, 7, 8, 11, 12, 13, 27, 127])) + out.slice(at);
    }
    return out;
  },
  bom: (t, r) => (r() < 0.5 ? `\uFEFF${t}` : (at => t.slice(0, at) + '\uFEFF' + t.slice(at))(int(r, t.length + 1))),
  crlf: (t, r) => (r() < 0.7 ? t.replace(/\n/g, '\r\n') : t.replace(/\n/g, '\r')),
  tabs: (t, r) => lines(t).map((l) => (r() < 0.3 ? l.replace(/^ +/, '\t') : l)).join('\n'),
  'shift-indent': (t, r) => lines(t).map((l) => (r() < 0.2 ? (r() < 0.5 ? ` ${l}` : l.replace(/^ /, '')) : l)).join('\n'),
  'huge-string': (t, r) => {
    const size = pick(r, [70_000, 300_000, 3 * 1024 * 1024]);
    const all = lines(t);
    const keyed = all.map((l, i) => [l, i] as const).filter(([l]) => /^\s*-?\s*[A-Za-z_]+: \S/.test(l));
    const [line, i] = keyed.length ? pick(r, keyed) : ([all[0] ?? '', 0] as const);
    all[i] = line.replace(/: .*/, `: "${'x'.repeat(size)}"`);
    return all.join('\n');
  },
  'deep-nesting': (t, r) => {
    const depth = pick(r, [65, 500, 5000, 50_000]);
    const deep = r() < 0.5 ? `deep: ${nested(depth)}` : `deep:\n${blockNested(Math.min(depth, 1500))}`;
    return r() < 0.5 ? `${deep}\n${t}` : `${t}\n${deep}\n`;
  },
  'alias-bomb': (t, r) => {
    const bomb = ['b0: &b0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`b${i}: &b${i} [${Array(9).fill(`*b${i - 1}`).join(', ')}]`);
    return r() < 0.5 ? `${bomb.join('\n')}\n${t}` : `${t}\n${bomb.join('\n')}\n`;
  },
  'unresolved-alias': (t, r) => {
    const all = lines(t);
    const keyed = all.map((_, i) => i).filter((i) => /: \S/.test(all[i]!));
    if (keyed.length) {
      const i = pick(r, keyed);
      all[i] = all[i]!.replace(/: .*/, ': *nowhere');
    }
    return all.join('\n');
  },
  'anchor-and-alias': (t, r) =>
    onValue(t, r, (root, path, all) => {
      // Aliasing is legal YAML: the same value twice, here by reference.
      const other = pick(r, all);
      parentOf(root, other)[other[other.length - 1]!] = parentOf(root, path)[path[path.length - 1]!];
    }),
  'delete-key': (t, r) =>
    onValue(t, r, (root, path) => {
      const parent = parentOf(root, path);
      if (Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
      else delete parent[path[path.length - 1]!];
    }),
  'swap-values': (t, r) =>
    onValue(t, r, (root, path, all) => {
      const other = pick(r, all);
      const [a, b] = [parentOf(root, path), parentOf(root, other)];
      const [ka, kb] = [path[path.length - 1]!, other[other.length - 1]!];
      [a[ka], b[kb]] = [b[kb], a[ka]];
    }),
  'flip-type': (t, r) =>
    onValue(t, r, (root, path) => {
      parentOf(root, path)[path[path.length - 1]!] = structuredClone(pick(r, ODD_VALUES));
    }),
  'rename-key': (t, r) =>
    onValue(t, r, (root, path) => {
      const parent = parentOf(root, path);
      const key = path[path.length - 1]!;
      if (Array.isArray(parent)) return;
      parent[`${String(key)}${pick(r, ['s', '_', 'X', ' '])}`] = parent[key];
      delete parent[key];
    }),
  'random-bytes': (t, r) => {
    const at = int(r, t.length + 1);
    const junk = Array.from({ length: 1 + int(r, 12) }, () => String.fromCharCode(int(r, 0x3000))).join('');
    return t.slice(0, at) + junk + t.slice(at + int(r, 8));
  },
};

/** One mutant of `text` for `seed`: one to three mutations in a row, named by what was done to it. */
export function mutant(text: string, seed: number): { name: string; text: string } {
  const rng = prng(seed);
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + int(rng, 3); n > 0; n--) {
    const name = pick(rng, names);
    applied.push(name);
    out = MUTATIONS[name]!(out, rng);
  }
  return { name: applied.join(' + '), text: out };
}
