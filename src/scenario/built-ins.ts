/**
 * The names every scenario may use without a step defining them, and their fields: the one list
 * the loader checks `${run.unique}`, `${clock.last_year}`... against and the runner fills.
 */
export const BUILT_IN_FIELDS = {
  run: ['id', 'unique'],
  cards: ['approved', 'declined', 'pending'],
  clock: ['year', 'last_year', 'month', 'next_month', 'next_month_year', 'two_months_ago', 'two_months_ago_year', 'iso_now', 'iso_yesterday', 'iso_tomorrow', 'iso_week_ago'],
  target: ['terminal_id'],
} as const satisfies Record<string, readonly string[]>;

export type BuiltInName = keyof typeof BUILT_IN_FIELDS;

export const BUILT_IN_NAMES = Object.keys(BUILT_IN_FIELDS) as BuiltInName[];

export function isBuiltIn(name: string): name is BuiltInName {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_FIELDS, name);
}
