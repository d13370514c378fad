/** The scenario side of the Viopay POS API profile (src/profiles/scenario-side.ts). */
import type { RuleProblem } from '../../scenario/authoring-rules';
import type { ScenarioSide } from '../scenario-side';
import { POS_OPERATIONS } from './operations';
import fragments from './scenario-schema.json';
import { alignClock, posSessionFor, type PosSession } from './session';
import { POS_STANDARD_ERROR } from './standard-error';
import { posSettingsOf } from './settings';
import { POS_SETTINGS } from './step-settings';
import { posStep } from './step-types';

export const scenarioSide: ScenarioSide<PosSession> = {
  operations: POS_OPERATIONS,
  settings: POS_SETTINGS,
  schemaDefs: fragments.defs,
  states: ['charge is settled'],
  contractStates: ['an approved charge', 'a settled charge'],
  needs: [{ name: 'pending_card', missing: (t) => (t.cards.pending ? null : 'needs a pending test card: set cards.pending in the target config') }],
  standardError: POS_STANDARD_ERROR,
  requestFields: { nonce: 'X-Nonce', timestamp: 'X-Timestamp', terminal_id: 'X-Terminal-Id', idempotency_key: 'Idempotency-Key', signature: 'X-Signature' },
  builtInFields: { cards: ['approved', 'declined', 'pending'], target: ['terminal_id'] },
  builtIns: (_session, target) => ({ cards: { ...target.cards }, target: { terminal_id: posSettingsOf(target).terminalId } }),
  session: posSessionFor,
  prepare: alignClock,
  authoringProblems(scenario) {
    const problems: RuleProblem[] = [];
    if (JSON.stringify(scenario.steps).includes('${cards.pending}') && !(scenario.needs ?? []).includes('pending_card')) {
      problems.push({ path: ['needs'], message: '${cards.pending} needs a pending card: declare needs: [pending_card]' });
    }
    scenario.steps.forEach((step, index) => {
      const key = posStep(step).idempotency_key;
      if (key !== undefined && !key.includes('${run.unique}')) {
        problems.push({ path: ['steps', index, 'idempotency_key'], message: 'an Idempotency-Key must be fresh per run: build it on ${run.unique}', hint: 'a fixed key repeats the charge of an earlier run' });
      }
    });
    return problems;
  },
};
