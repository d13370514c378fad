/** The Viva Terminal inter-app protocol's part of docs/profile.md (src/profile/profile-doc.ts). */
import type { ProfileDocPart } from '../../profile/profile-doc';
import { VIVA_CLAUSES } from './clauses';

export const doc: ProfileDocPart = {
  section: '3',
  heading: 'Viva Terminal Cancel/Refund inter-app request',
  seeds: [['003_d27c3242387cebe6.txt', 'Viva Terminal', 'Cancel/Refund inter-app request (a `vivapayclient://` URI and a callback URI)']],
  clauses: VIVA_CLAUSES,
  intro: [
    'There is no HTTP API: a client app opens a request URI and the terminal answers with a callback',
    'URI. The client side is judged by `paycert viva lint`, the terminal side by a run against the',
    "terminal's inter-app adapter (`POST {base_url}/interapp` with `{\"uri\"}`, answered `{\"callback\"}`).",
  ],
  sides: { client: 'client app (`paycert viva lint`)', terminal: 'terminal', both: 'both' },
  configFields: 'for a Viva terminal `viva` (`merchant_key`, `app_id`, `aade_provider_id`, `aade_private_key`)',
  states: '`viva transaction exists` (`amount`, optional `daysAgo`, `terminal`, `type`; answers `orderCode`, `shortOrderCode`, `stan`, `tid`, `date`)',
};
