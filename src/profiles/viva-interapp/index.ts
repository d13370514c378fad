/** The Viva Terminal inter-app protocol (PROFILE section 3) as a paycert profile: everything about it lives in this folder. */
import { VIVA_CLAUSES, VIVA_TERMINAL_CLAUSES } from './clauses';
import type { Profile } from '../profile';
import { doc } from './doc';
import { scenarioSide } from './scenario-side';
import { targetSide } from './target-side';

export const vivaInterappProfile: Profile = {
  name: 'viva-interapp',
  title: 'Viva Terminal inter-app protocol',
  idPrefix: 'viva',
  section: '3',
  clauses: VIVA_CLAUSES,
  certifiedClauses: VIVA_TERMINAL_CLAUSES,
  doc,
  scenario: scenarioSide,
  target: targetSide,
};
