/**
 * RFC 3339 `date-time` (section 5.6): full-date "T" time with optional fraction and a `Z` or
 * numeric offset. PROFILE 1.2: the `...SSZ` form MUST be accepted, the others SHOULD be.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds since the epoch, or null when `text` is not an RFC 3339 date-time. */
export function parseRfc3339(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  // A leap second (:60) counts as the first instant of the next minute.
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the form the seeds send. */
export function formatRfc3339Seconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ`: fractional seconds, as Java's Instant.toString() sends them. */
export function formatRfc3339Millis(epochMs: number): string {
  const text = new Date(epochMs).toISOString();
  // Always show a fraction, even a zero one, so the form is tested whatever the clock says.
  return text.endsWith('.000Z') ? text.replace('.000Z', '.001Z') : text;
}

/** The same instant written with a numeric offset, e.g. `2025-12-13T16:25:30+02:00`. */
export function formatRfc3339Offset(epochMs: number, offsetMinutes = 120): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
