/** The VPWS Dealer Payment Cancellation API (PROFILE section 2) as a paycert profile: everything about it lives in this folder. */
import { VPWS_CLAUSES } from './clauses';
import type { Profile } from '../profile';
import { doc } from './doc';
import { contractSide } from './contract-side';
import { scenarioSide } from './scenario-side';
import { targetSide } from './target-side';

export const vpwsProfile: Profile = {
  name: 'vpws',
  title: 'VPWS Dealer Payment Cancellation API',
  idPrefix: 'vpws',
  section: '2',
  clauses: VPWS_CLAUSES,
  certifiedClauses: VPWS_CLAUSES,
  doc,
  scenario: scenarioSide,
  target: targetSide,
  contract: contractSide,
};
