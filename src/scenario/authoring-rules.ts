/**
 * The rules every scenario keeps beyond its schema, checked by `paycert lint`, by `paycert run`
 * before any request, and on the generated probes in the tests: its id names its profile and
 * topic, it cites a clause of its own profile at that clause's level, it declares what it needs,
 * its built-in references name real fields, and its profile's own rules hold (its scenario side's
 * `authoringProblems`: fresh idempotency keys, say).
 */
import { clauseById, type Profile } from '../profiles';
import { builtInFieldsOf } from './built-ins';
import type { Scenario, Step } from './types';

/** One broken rule: where (a path inside the scenario) and what. */
export interface RuleProblem {
  path: Array<string | number>;
  message: string;
  hint?: string;
}

const REFERENCE = /\$\{([a-z_][a-z0-9_]*)((?:\.[A-Za-z0-9_-]+)*)\}/g;

/** Every `${name.path}` in a value, as [name, first field]. */
function references(value: unknown): Array<[string, string | undefined]> {
  const found: Array<[string, string | undefined]> = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(REFERENCE)) found.push([m[1]!, m[2]?.split('.')[1]]);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/** The engine's need: a state step needs the state hook (a profile's own needs are its authoring rules'). */
function needProblems(scenario: Scenario): RuleProblem[] {
  if (scenario.steps.some((s) => s.state !== undefined) && !(scenario.needs ?? []).includes('state_hook')) {
    return [{ path: ['needs'], message: 'a state step needs the state hook: declare needs: [state_hook]', hint: 'without it the check runs against targets that have no state_url' }];
  }
  return [];
}

/** Every built-in reference of a step names a field the file's profile has. */
function builtInProblems(step: Step, index: number, fields: Record<string, readonly string[]>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [name, field] of references(step)) {
    const known = fields[name];
    if (known === undefined) continue;
    if (field === undefined || !known.includes(field)) {
      problems.push({ path: ['steps', index], message: `\${${name}${field ? `.${field}` : ''}} is not a built-in value`, hint: `${name} has ${known.map((f) => `${name}.${f}`).join(', ')}` });
    }
  }
  return problems;
}

/** What a scenario of `profile` breaks of the authoring rules (empty: none). */
export function authoringProblems(scenario: Scenario, profile: Profile): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const prefix = profile.idPrefix;
  if (!new RegExp(`^${prefix}\\.[a-z0-9-]+\\.[a-z0-9.-]+$`).test(scenario.id)) {
    problems.push({ path: ['id'], message: `check id "${scenario.id}" is not ${prefix}.<topic>.<what>`, hint: 'lower-case words joined by dashes, e.g. pos.refund.total-exceeded' });
  }
  const clause = clauseById(scenario.ref.clause);
  if (clause) {
    if (!clause.section.startsWith(profile.section)) {
      problems.push({ path: ['ref', 'clause'], message: `clause ${clause.id} is not a clause of ${profile.name} (PROFILE section ${profile.section})` });
    }
    const wanted = clause.level === 'MAY' ? 'MUST' : clause.level;
    if (scenario.level !== wanted) {
      const why = clause.level === 'MAY' ? `a check of a MAY clause accepts every allowed answer, so it is MUST` : `clause ${clause.id} is ${clause.level}`;
      problems.push({ path: ['level'], message: `level ${scenario.level}, but ${why}`, hint: `level: ${wanted}` });
    }
  }
  problems.push(...needProblems(scenario));
  problems.push(...(profile.scenario.authoringProblems?.(scenario, clauseById) ?? []));
  const fields = builtInFieldsOf(profile);
  scenario.steps.forEach((step, i) => problems.push(...builtInProblems(step, i, fields)));
  return problems;
}
