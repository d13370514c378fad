/**
 * Faults of the Viva terminal simulator: each is the simulator with one rule switched to a
 * mistake real terminal implementers make (PROFILE 3). `paycert selftest` certifies each and
 * expects it caught (by the checks `caughtBy` names, at least); variants.test.ts shows each
 * changes what the terminal answers. `paycert serve --profile viva-interapp --fault NAME` serves one.
 * The callback's faults are here; the request's in faults-request.ts and faults-form.ts (its URI,
 * AADE formats, flags), the search's in faults-search.ts.
 */
import { byName } from '../../../target-kit/by-name';
import { formatIsoWithOffset } from '../protocol/dates';
import type { TerminalFault } from './fault-types';
import { FORM_FAULTS } from './faults-form';
import { REQUEST_FAULTS } from './faults-request';
import { SEARCH_FAULTS } from './faults-search';
import { referenceTerminalRules as ref } from './rules';

export type { TerminalFault } from './fault-types';

const CALLBACK_FAULTS: readonly TerminalFault[] = [
  {
    name: 'viva-account-unmasked',
    title: 'The callback shows the whole card number',
    clause: '3/callback-masking',
    level: 'MUST',
    rules: { maskAccountNumber: (pan) => pan },
    caughtBy: ['viva.callback.account-masked'],
  },
  {
    name: 'viva-amount-in-euros',
    title: 'The callback amount is in euros with decimals, not cents',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { callbackAmount: (cents) => (cents / 100).toFixed(2) },
    caughtBy: ['viva.cancel.same-day-void', 'viva.callback.success-fields'],
  },
  {
    name: 'viva-aade-id-missing',
    title: 'aadeTransactionId is left out although the request had AADE parameters',
    clause: '3/callback-aade',
    level: 'MUST',
    rules: { carriesAade: () => false },
    caughtBy: ['viva.callback.aade-transaction-id'],
  },
  {
    name: 'viva-callback-wrong-scheme',
    title: "The callback goes to vivapayclient:// instead of the request's callback scheme",
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { callbackScheme: () => 'vivapayclient' },
    caughtBy: ['viva.callback.scheme', 'viva.callback.scheme-on-success'],
  },
  {
    name: 'viva-transaction-date-no-offset',
    title: 'transactionDate has no offset',
    clause: '3/callback-date-offset',
    level: 'SHOULD',
    rules: { stamp: (ctx) => ({ ...ref.stamp(ctx), transactionDate: formatIsoWithOffset(ctx.now(), 0).slice(0, 23) }) },
    caughtBy: ['viva.callback.date-offset'],
  },
  {
    name: 'viva-account-last-four',
    title: 'The callback masks all but the last 4 digits of the card number',
    clause: '3/callback-masking',
    level: 'MUST',
    rules: { maskAccountNumber: (pan) => `${'*'.repeat(pan.length - 4)}${pan.slice(-4)}` },
    caughtBy: ['viva.callback.account-masked'],
  },
  {
    name: 'viva-status-capitalised',
    title: 'A success callback says status=SUCCESS',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { writeAnswer: (scheme, fields) => ref.writeAnswer(scheme, fields.status === 'success' ? { ...fields, status: 'SUCCESS' } : fields) },
    caughtBy: ['viva.cancel.same-day-void', 'viva.callback.success-fields'],
  },
  {
    name: 'viva-transaction-id-fixed',
    title: 'Every callback carries the same transactionId',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { stamp: (ctx) => ({ ...ref.stamp(ctx), transactionId: 'a78e045c-49c3-4743-9071-f1e0ed71810c' }) },
    caughtBy: ['viva.callback.transaction-ids-unique'],
  },
];

export const TERMINAL_FAULTS: readonly TerminalFault[] = [...CALLBACK_FAULTS, ...REQUEST_FAULTS, ...FORM_FAULTS, ...SEARCH_FAULTS];

export const TERMINAL_FAULTS_BY_NAME: ReadonlyMap<string, TerminalFault> = byName('terminal fault', TERMINAL_FAULTS);
