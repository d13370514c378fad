/** A `viva_cancel` step (as QA writes it) as the Viva client sends it. */
import type { VivaCancel } from './client';
import { isoStepMs, shiftIsoDate } from './protocol/dates';
import { CaptureError } from '../../scenario/interpolate';
import type { VivaDateFrom, VivaStep } from '../../scenario/types';

/**
 * The client's request for a step: every value as text, null to leave a parameter out, a
 * `{date, plus_ms, plus_steps, offset}` built into a date. @throws CaptureError when `date` (a captured
 * value, like a payment's date from the state hook) is not ISO 8601 with an offset.
 */
export function vivaCancelOf(step: VivaStep): VivaCancel {
  const { aade, prepend_query: prependQuery, append_query: appendQuery, uri_base: base, ...rest } = step;
  const fields = Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, textOf(name, value)]));
  return {
    fields,
    ...(aade !== undefined && { aade }),
    ...(prependQuery !== undefined && { prependQuery }),
    ...(appendQuery !== undefined && { appendQuery }),
    ...(base !== undefined && { base }),
  };
}

function textOf(name: string, value: VivaStep[string]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return String(value);
  return dateFrom(name, value);
}

function dateFrom(name: string, { date, plus_ms: plusMs = 0, plus_steps: steps = 0, offset }: VivaDateFrom): string {
  // A terminal that dates to the second is probed a second away: a millisecond it cannot show.
  const built = shiftIsoDate(date, plusMs + steps * (isoStepMs(date) ?? 1), offset);
  if (built === undefined) {
    throw new CaptureError(`${name}: cannot build a date from ${JSON.stringify(date)}${offset === undefined ? '' : ` at offset ${offset}`}: it is not ISO 8601 with an offset`);
  }
  return built;
}
