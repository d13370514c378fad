/** The scenario side of the Viva Terminal inter-app protocol profile (src/profiles/scenario-side.ts). */
import type { RuleProblem } from '../../scenario/authoring-rules';
import type { ScenarioSide } from '../scenario-side';
import { formatIsoWithOffset } from './protocol/dates';
import fragments from './scenario-schema.json';
import { vivaSessionFor, type VivaSession } from './session';
import { vivaSettingsOf } from './settings';
import { vivaCancel, type VivaStep } from './step';

const DAY_MS = 86_400_000;

/**
 * Dates for Viva requests (`${clock.iso_yesterday}`...), in the seed's form with the UTC offset
 * written `+0000` (the seed writes `+0300`): the form a terminal is likeliest to parse.
 */
function isoDates(nowMs: number): Record<string, string> {
  const iso = (ms: number) => formatIsoWithOffset(ms, 0);
  return { iso_now: iso(nowMs), iso_yesterday: iso(nowMs - DAY_MS), iso_tomorrow: iso(nowMs + DAY_MS), iso_week_ago: iso(nowMs - 7 * DAY_MS) };
}

export const scenarioSide: ScenarioSide<VivaSession> = {
  operations: [vivaCancel],
  schemaDefs: fragments.defs,
  states: ['viva transaction exists'],
  needs: [
    {
      name: 'aade_key',
      missing: (t) => (vivaSettingsOf(t).aadePrivateKeyPem ? null : 'needs the AADE provider key the terminal trusts: set viva.aade_private_key in the target config'),
    },
  ],
  builtInFields: { clock: ['iso_now', 'iso_yesterday', 'iso_tomorrow', 'iso_week_ago'] },
  builtIns: (session) => ({ clock: isoDates(session.now()) }),
  session: vivaSessionFor,
  authoringProblems(scenario, clauseOf) {
    const problems: RuleProblem[] = [];
    const badSignature = scenario.steps.some((s) => (s.viva_cancel as VivaStep | undefined)?.aade === 'bad-signature');
    if (badSignature && !(scenario.needs ?? []).includes('aade_key')) {
      problems.push({ path: ['needs'], message: 'a bad AADE signature is refused only by a terminal with the key: declare needs: [aade_key]' });
    }
    const clause = clauseOf(scenario.ref.clause);
    if (clause?.side === 'client') problems.push({ path: ['ref', 'clause'], message: `clause ${clause.id} binds the client app (paycert viva lint), not a terminal` });
    return problems;
  },
};
