/**
 * Small text helpers the reporters share: making target-supplied text safe to display, JSON with
 * a stable key order, truncation and durations. All pure.
 */

/**
 * C0 and C1 control characters other than tab and newline, shown as `\u001b`-style escapes.
 * Bodies, headers and messages can carry bytes chosen by the target under test; printed raw they
 * could move the cursor, rewrite earlier lines or recolour a terminal and hide a failure.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character except tab and newline made visible as an escape. */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first line of `text`, control characters made visible: for "one line" messages. */
export function oneLine(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return visible(first.trim());
}

/**
 * JSON with object keys sorted at every depth, so expected and actual values line up the same
 * way on every run and in every report. Never throws: values JSON cannot show (undefined,
 * bigint, functions, cycles) are shown as a readable placeholder instead.
 */
export function stableJson(value: unknown, indent = 2): string {
  const seen = new WeakSet<object>();
  const normalise = (v: unknown): unknown => {
    if (v === undefined) return '[undefined]';
    if (typeof v === 'bigint') return `${v.toString()}n`;
    if (typeof v === 'function' || typeof v === 'symbol') return `[${typeof v}]`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return '[circular]';
    seen.add(v);
    let out: unknown;
    if (Array.isArray(v)) out = v.map(normalise);
    else if (v instanceof Date) out = Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    else if (Buffer.isBuffer(v)) out = `<${v.length} bytes>`;
    else {
      const record = v as Record<string, unknown>;
      out = Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((k) => [k, normalise(record[k])]),
      );
    }
    seen.delete(v);
    return out;
  };
  return JSON.stringify(normalise(value), null, indent) ?? 'undefined';
}

/** How many characters of a body a report shows: enough to read, small enough to scan. */
export const DISPLAY_LIMIT = 2048;

/** `text` cut to `limit` characters with a note saying how much was left out. */
export function truncate(text: string, limit = DISPLAY_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}\n... (${text.length - limit} more characters not shown)`;
}

/** `1 warning`, `2 warnings`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Milliseconds between two RFC 3339 times, or undefined when either does not parse. */
export function elapsedMs(startedAt: string, endedAt: string): number | undefined {
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt);
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : Math.max(0, end - start);
}

/** `4.2 s` for runs, `12 ms` under a second. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The section of a clause id: the part before the `/` (`1.2/nonce-replay` is in `1.2`). */
export function sectionOf(clause: string): string {
  const section = clause.split('/', 1)[0] ?? '';
  return section === '' ? 'unknown' : section;
}

/** Compares section numbers as numbers, part by part, so 1.10 sorts after 1.9. */
export function compareSections(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Plain code-point order, the same on every machine (localeCompare depends on the locale). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
