/**
 * The dates of seed 003: ISO 8601 with a UTC offset. The seed writes `2021-03-29T00:00:00.000+0300`
 * (basic offset, no colon); the extended `+03:00` and `Z` are ISO 8601 too and are accepted.
 * A date without an offset is refused: PROFILE 3 says "ISO 8601 with offset".
 */

/** A date and time, the offset optional (ISO 8601 allows local time); callers say whether they need one. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))?$/;

/** The instant in milliseconds, or undefined when `text` is not ISO 8601 with an offset. */
export function parseIsoWithOffset(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m || m[8] === undefined) return undefined;
  const offset = offsetOf(m);
  const local = localMillisOf(m);
  return offset === undefined || local === undefined ? undefined : local - offset * 60_000;
}

/**
 * Is `text` an ISO 8601 date and time, with or without an offset? What PROFILE 3 asks of a
 * callback's `transactionDate` ("ISO 8601"); whether it carries an offset is a separate SHOULD.
 */
export function isIsoDateTime(text: string): boolean {
  const m = ISO_DATE_TIME.exec(text);
  return m !== null && localMillisOf(m) !== undefined && (m[8] === undefined || offsetOf(m) !== undefined);
}

/** The wall-clock time as if it were UTC, or undefined when a part is out of range. */
function localMillisOf(m: RegExpExecArray): number | undefined {
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/** The offset in minutes east of UTC, or undefined when out of range. */
function offsetOf(m: RegExpExecArray): number | undefined {
  if (m[8] === 'Z') return 0;
  if (Number(m[9]) > 23 || Number(m[10]) > 59) return undefined;
  return (m[8]!.startsWith('-') ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats an instant as the seed does: `YYYY-MM-DDTHH:MM:SS.mmm+HHMM` at `offsetMinutes`. */
export function formatIsoWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** An offset as a request may write one: `Z`, `+0300` (the seed's) or `+03:00`. */
export const OFFSET_PATTERN = /^(Z|[+-]\d{2}:?\d{2})$/;

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

/**
 * `text` (ISO 8601 with an offset) moved by `plusMs` and written at `offset` (`Z`, `+0300`,
 * `+03:00`; default: the offset `text` is written in, in its form); undefined when `text` or
 * `offset` is not one. Exact to the nanosecond: a payment dated `...00.123456+03:00` moved by
 * -1 ms is `...00.122456`, never a truncated `...00.122`, so a bound built from a date is as
 * precise as the date. The fraction keeps the digits it had, three at least: the seed writes
 * `.000`, so every terminal reads that form.
 */
export function shiftIsoDate(text: string, plusMs: number, offset?: string): string | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m || m[8] === undefined || localMillisOf(m) === undefined) return undefined;
  const from = offsetOf(m);
  const toText = offset ?? /(Z|[+-]\d{2}:?\d{2})$/.exec(text)![1]!;
  const to = offsetMinutesOf(toText);
  if (from === undefined || to === undefined || !Number.isInteger(plusMs)) return undefined;
  const fraction = m[7] ?? '';
  // The fraction adds under a second to the wall clock, so flooring to seconds drops exactly it.
  const wholeSeconds = BigInt(Math.floor(localMillisOf(m)! / 1000));
  const instant = (wholeSeconds - BigInt(from * 60)) * NS_PER_S + BigInt(fraction.padEnd(9, '0')) + BigInt(plusMs) * NS_PER_MS;
  const wall = instant + BigInt(to * 60) * NS_PER_S;
  const seconds = wall / NS_PER_S - (wall % NS_PER_S < 0n ? 1n : 0n);
  const nanos = String(wall - seconds * NS_PER_S).padStart(9, '0');
  const digits = Math.max(fraction.length, 3, nanos.replace(/0+$/, '').length);
  const clock = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${clock}.${nanos.slice(0, digits)}${toText}`;
}

/** `Z`, `+0300` or `+03:00` as minutes east of UTC; undefined when it is none of them. */
function offsetMinutesOf(text: string): number | undefined {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * The smallest move a date written like `text` can show, in milliseconds: a second when it has no
 * fraction (a terminal that dates to the second), a millisecond otherwise (finer is not asked of a
 * terminal: the seed writes milliseconds). Undefined when `text` is not ISO 8601 with an offset.
 */
export function isoStepMs(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m || m[8] === undefined) return undefined;
  return m[7] === undefined ? 1000 : 1;
}
