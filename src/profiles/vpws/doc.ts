/** The VPWS API's part of docs/profile.md (src/profile/profile-doc.ts). */
import type { ProfileDocPart } from '../../profile/profile-doc';
import { VPWS_CLAUSES } from './clauses';

export const doc: ProfileDocPart = {
  section: '2',
  heading: 'VPWS Dealer Payment Cancellation',
  seeds: [['004_42d678b659d40524.txt', 'VPWS', 'Dealer Payment Cancellation (`POST /vpws/payment/cancel`, Bearer token)']],
  clauses: VPWS_CLAUSES,
  configFields: 'for VPWS `tokens` (`dealer_a`, `dealer_b`)',
  states: '`vpws transaction exists` (`referenceCode`, `dealer`, `transactionStatusId`, `amount`, optional `provisionExpired`)',
};
