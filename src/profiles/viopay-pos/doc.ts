/** The Viopay POS API's part of docs/profile.md (src/profile/profile-doc.ts). */
import type { ProfileDocPart } from '../../profile/profile-doc';
import { POS_CLAUSES } from './clauses';

export const doc: ProfileDocPart = {
  section: '1',
  heading: 'Viopay POS API',
  seeds: [
    ['002_ab239a52e75d4602.txt', 'Viopay POS', 'Create POS Charge (`POST /pos/charge`) and the signing scheme'],
    ['001_5e9c28d058e0fa3b.txt', 'Viopay POS', 'Refund POS Charge (`POST /pos/charge/{chargeID}/refund`)'],
    ['000_2b9c11a22d8f1d3c.txt', 'Viopay POS', 'Cancel / Reverse POS Charge (`POST /pos/charge/{chargeID}/cancel` and `/reverse`)'],
  ],
  clauses: POS_CLAUSES,
  sectionTitles: {
    '1.1': 'Requests',
    '1.2': 'Signature',
    '1.3': 'MSK envelope (TR31-DATA)',
    '1.4': 'Errors',
    '1.5': 'Create charge',
    '1.6': 'Refund',
    '1.7': 'Cancel / reverse',
  },
  configFields: '`terminal_id`, `key_id`, `hmac_secret`, `msk`, `kcv_method` (cmac or legacy), `state_url`, `cards` (`approved`, `declined`, `pending`)',
  states: '`charge is settled` (`charge_id`)',
};
