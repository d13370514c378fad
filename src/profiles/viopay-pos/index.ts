/** The Viopay POS API (PROFILE section 1) as a paycert profile: everything about it lives in this folder. */
import { POS_CLAUSES } from './clauses';
import type { Profile } from '../profile';
import { doc } from './doc';
import { contractSide } from './contract-side';
import { scenarioSide } from './scenario-side';
import { targetSide } from './target-side';

export const posProfile: Profile = {
  name: 'viopay-pos',
  title: 'Viopay POS API',
  idPrefix: 'pos',
  section: '1',
  clauses: POS_CLAUSES,
  certifiedClauses: POS_CLAUSES,
  doc,
  scenario: scenarioSide,
  target: targetSide,
  contract: contractSide,
};
