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
