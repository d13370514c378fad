/**
 * The rules every scenario keeps beyond its schema, checked by `paycert lint`, by `paycert run`
 * before any request, and on the generated probes in the tests: its id names its profile and
 * topic, it cites a clause of its own profile at that clause's level, it declares what it needs,
 * its idempotency keys are fresh per run, and its built-in references name real fields.
 */
import { clauseById } from '../profile/clauses';
import { BUILT_IN_FIELDS, isBuiltIn } from './built-ins';
import type { Profile, Scenario, Step } from './types';

/** One broken rule: where (a path inside the scenario) and what. */
export interface RuleProblem {
  path: Array<string | number>;
  message: string;
  hint?: string;
}

const ID_PREFIX: Record<Profile, string> = { 'viopay-pos': 'pos', vpws: 'vpws', 'viva-interapp': 'viva' };
const SECTION: Record<Profile, string> = { 'viopay-pos': '1', vpws: '2', 'viva-interapp': '3' };
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

function needProblems(scenario: Scenario): RuleProblem[] {
  const needs = scenario.needs ?? [];
  const problems: RuleProblem[] = [];
  const uses = (test: (step: Step) => boolean) => scenario.steps.some(test);
  if (uses((s) => s.state !== undefined) && !needs.includes('state_hook')) {
    problems.push({ path: ['needs'], message: 'a state step needs the state hook: declare needs: [state_hook]', hint: 'without it the check runs against targets that have no state_url' });
  }
  if (JSON.stringify(scenario.steps).includes('${cards.pending}') && !needs.includes('pending_card')) {
    problems.push({ path: ['needs'], message: '${cards.pending} needs a pending card: declare needs: [pending_card]' });
  }
  if (uses((s) => s.viva_cancel?.aade === 'bad-signature') && !needs.includes('aade_key')) {
    problems.push({ path: ['needs'], message: 'a bad AADE signature is refused only by a terminal with the key: declare needs: [aade_key]' });
  }
  return problems;
}

function stepProblems(step: Step, index: number): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (step.idempotency_key !== undefined && !step.idempotency_key.includes('${run.unique}')) {
    problems.push({ path: ['steps', index, 'idempotency_key'], message: 'an Idempotency-Key must be fresh per run: build it on ${run.unique}', hint: 'a fixed key repeats the charge of an earlier run' });
  }
  for (const [name, field] of references(step)) {
    if (!isBuiltIn(name)) continue;
    const fields: readonly string[] = BUILT_IN_FIELDS[name];
    if (field === undefined || !fields.includes(field)) {
      problems.push({ path: ['steps', index], message: `\${${name}${field ? `.${field}` : ''}} is not a built-in value`, hint: `${name} has ${fields.map((f) => `${name}.${f}`).join(', ')}` });
    }
  }
  return problems;
}

/** What a scenario of `profile` breaks of the authoring rules (empty: none). */
export function authoringProblems(scenario: Scenario, profile: Profile): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const prefix = ID_PREFIX[profile];
  if (!new RegExp(`^${prefix}\\.[a-z0-9-]+\\.[a-z0-9.-]+$`).test(scenario.id)) {
    problems.push({ path: ['id'], message: `check id "${scenario.id}" is not ${prefix}.<topic>.<what>`, hint: 'lower-case words joined by dashes, e.g. pos.refund.total-exceeded' });
  }
  const clause = clauseById(scenario.ref.clause);
  if (clause) {
    if (!clause.section.startsWith(SECTION[profile])) {
      problems.push({ path: ['ref', 'clause'], message: `clause ${clause.id} is not a clause of ${profile} (PROFILE section ${SECTION[profile]})` });
    } else if (profile === 'viva-interapp' && clause.side === 'client') {
      problems.push({ path: ['ref', 'clause'], message: `clause ${clause.id} binds the client app (paycert viva lint), not a terminal` });
    }
    const wanted = clause.level === 'MAY' ? 'MUST' : clause.level;
    if (scenario.level !== wanted) {
      const why = clause.level === 'MAY' ? `a check of a MAY clause accepts every allowed answer, so it is MUST` : `clause ${clause.id} is ${clause.level}`;
      problems.push({ path: ['level'], message: `level ${scenario.level}, but ${why}`, hint: `level: ${wanted}` });
    }
  }
  problems.push(...needProblems(scenario));
  scenario.steps.forEach((step, i) => problems.push(...stepProblems(step, i)));
  return problems;
}
