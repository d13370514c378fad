/**
 * The names every scenario may use without a step defining them, and their fields: the one list
 * the loader checks `${run.unique}`, `${clock.last_year}`... against and the runner fills. The
 * engine's are `run` and `clock`; a profile adds its own (its scenario side's `builtInFields`).
 */
import { randomBytesFromPool } from '../crypto/random';
import type { Profile } from '../profiles';
import type { ScenarioSession } from '../profiles/scenario-side';
import type { ResolvedTarget } from '../config/resolved';
import type { Vars } from './interpolate';

const ENGINE_FIELDS: Record<string, readonly string[]> = {
  run: ['id', 'unique'],
  clock: ['year', 'last_year', 'month', 'next_month', 'next_month_year', 'two_months_ago', 'two_months_ago_year'],
};

/** The built-in names of a file of `profile` and the fields of each. */
export function builtInFieldsOf(profile: Profile): Record<string, readonly string[]> {
  const fields: Record<string, readonly string[]> = { ...ENGINE_FIELDS };
  for (const [name, own] of Object.entries(profile.scenario.builtInFields ?? {})) fields[name] = [...(fields[name] ?? []), ...own];
  return fields;
}

/** The month after this one and the month two before it (UTC), for card expiries near today. */
function monthsAway(now: Date): Record<string, number> {
  const shifted = (months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  const next = shifted(1);
  const past = shifted(-2);
  return { next_month: next.getUTCMonth() + 1, next_month_year: next.getUTCFullYear(), two_months_ago: past.getUTCMonth() + 1, two_months_ago_year: past.getUTCFullYear() };
}

/** The built-in values for one run of one scenario: the engine's, at the session's clock, and the profile's over them. */
export function builtInValues(profile: Profile, session: ScenarioSession, target: ResolvedTarget, runId: string): Vars {
  const now = new Date(session.now());
  const vars: Record<string, Record<string, unknown>> = {
    run: { id: runId, unique: randomBytesFromPool(6).toString('hex') },
    clock: { year: now.getUTCFullYear(), last_year: now.getUTCFullYear() - 1, month: now.getUTCMonth() + 1, ...monthsAway(now) },
  };
  for (const [name, values] of Object.entries(profile.scenario.builtIns?.(session, target) ?? {})) vars[name] = { ...vars[name], ...values };
  return vars;
}
