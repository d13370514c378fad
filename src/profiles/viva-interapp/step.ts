/** The `viva_cancel` operation (as QA writes it), sent by the Viva client. */
import { CaptureError } from '../../scenario/interpolate';
import { StepUnsendable } from '../../scenario/step-errors';
import type { ScenarioOperation } from '../scenario-side';
import type { AadeMode } from './client-aade';
import type { VivaCancel } from './client';
import { isoStepMs, shiftIsoDate } from './protocol/dates';
import fragments from './scenario-schema.json';
import type { VivaSession } from './session';

/**
 * A Viva request (PROFILE 3): request URI parameters over the client's defaults (null leaves one
 * out; numbers and booleans are sent as written), and `aade` to add the signed AADE parameters
 * (or a near miss of them, ./client-aade.ts). `prepend_query`/`append_query` are raw query
 * text put before/after the built parameters (to repeat one); `uri_base` replaces
 * `vivapayclient://pay/v1`; a date parameter may be a `VivaDateFrom`, built from another date.
 */
export type VivaStep = { [field: string]: string | number | boolean | null | undefined | VivaDateFrom } & {
  aade?: AadeMode;
  prepend_query?: string;
  append_query?: string;
  uri_base?: string;
};

/**
 * A date moved `plus_ms` milliseconds and `plus_steps` steps of its own precision (a second when
 * it has no fraction, else a millisecond) from `date` (a payment's, say), written at `offset` (default: `date`'s).
 */
export interface VivaDateFrom {
  date: string;
  plus_ms?: number;
  plus_steps?: number;
  offset?: string;
}

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

export const vivaCancel: ScenarioOperation<VivaStep, VivaSession> = {
  name: 'viva_cancel',
  schema: fragments.operations.viva_cancel,
  send(value, _step, session) {
    if (!session.viva) throw new StepUnsendable('a viva_cancel step needs a target of profile viva-interapp');
    return session.viva.cancel(vivaCancelOf(value));
  },
};
