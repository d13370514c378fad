/**
 * Faults of the Viva terminal simulator: each is the simulator with one rule switched to a
 * mistake real terminal implementers make (PROFILE 3). `paycert selftest` certifies each and
 * expects it caught (by the checks `caughtBy` names, at least); variants.test.ts shows each
 * changes what the terminal answers. `paycert serve --profile viva-interapp --fault NAME` serves one.
 */
import { byName } from '../target/variants/by-name';
import { formatIsoWithOffset } from '../viva/dates';
import { URI_CHECKS } from '../viva/lint/registry';
import { firstMustProblem, madeToday, referenceTerminalRules as ref, type TerminalRules } from './rules';

export interface TerminalFault {
  /** Stable name: `paycert serve --profile viva-interapp --fault NAME` (later) and the selftest. */
  name: string;
  title: string;
  /** The PROFILE 3 clause it breaks. */
  clause: string;
  level: 'MUST' | 'SHOULD';
  /** The one rule it switches. */
  rules: Partial<TerminalRules>;
  /** Checks that must catch it (the selftest fails the harness if one does not). */
  caughtBy: string[];
}

export const TERMINAL_FAULTS: readonly TerminalFault[] = [
  {
    name: 'viva-account-unmasked',
    title: 'The callback shows the whole card number',
    clause: '3/callback-masking',
    level: 'MUST',
    rules: { maskAccountNumber: (pan) => pan },
    caughtBy: ['viva.callback.account-masked'],
  },
  {
    name: 'viva-precedence-reversed',
    title: 'referenceNumber wins over orderCode and shortOrderCode',
    clause: '3/terminal-precedence',
    level: 'MUST',
    rules: {
      searchKey: (request) => {
        for (const kind of ['referenceNumber', 'orderCode', 'shortOrderCode'] as const) {
          const value = request.fields[kind];
          if (value !== undefined && value !== '') return { kind, value };
        }
        return { kind: 'none' };
      },
    },
    caughtBy: ['viva.precedence.short-code-first', 'viva.precedence.order-code-before-reference'],
  },
  {
    name: 'viva-date-to-alone-accepted',
    title: 'txnDateTo without txnDateFrom is searched instead of refused',
    clause: '3/request-dates',
    level: 'MUST',
    rules: { validateRequest: (request, ctx) => firstMustProblem(request, ctx, URI_CHECKS.filter((c) => c.id !== 'viva.request.date-range')) },
    caughtBy: ['viva.dates.to-alone-refused'],
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
    name: 'viva-short-code-any-terminal',
    title: "A shortOrderCode finds another terminal's sale",
    clause: '3/terminal-short-code',
    level: 'MUST',
    rules: {
      findEntry: (key, request, ctx) => {
        if (key.kind !== 'shortOrderCode') return ref.findEntry(key, request, ctx);
        return [...ctx.entries.values()].find((e) => e.tx.shortOrderCode === key.value);
      },
    },
    caughtBy: ['viva.short-code.other-terminal'],
  },
  {
    name: 'viva-refund-over-amount',
    title: 'A refund above what is left succeeds',
    clause: '3/terminal-refund-limit',
    level: 'MUST',
    rules: { decide: (entry, amount, ctx) => (amount === undefined ? ref.decide(entry, amount, ctx) : { kind: 'refund', amount: Number(amount) }) },
    caughtBy: ['viva.refund.partial-until-nothing-left', 'viva.refund.above-payment'],
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
    name: 'viva-aade-signature-unchecked',
    title: "A terminal that has the provider's key does not verify aadeProviderSignature",
    clause: '3/request-aade-signature',
    level: 'MUST',
    rules: { validateRequest: (request, ctx) => firstMustProblem(request, ctx, URI_CHECKS.filter((c) => c.id !== 'viva.request.aade-signature-valid')) },
    caughtBy: ['viva.aade.bad-signature-refused'],
  },
  {
    name: 'viva-transaction-id-fixed',
    title: 'Every callback carries the same transactionId',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { stamp: (ctx) => ({ ...ref.stamp(ctx), transactionId: 'a78e045c-49c3-4743-9071-f1e0ed71810c' }) },
    caughtBy: ['viva.callback.transaction-ids-unique'],
  },
  {
    name: 'viva-same-day-partial-voids',
    title: 'A same-day partial cancel voids the whole payment',
    clause: '3/request-amount',
    level: 'MUST',
    rules: {
      decide: (entry, amount, ctx) => {
        const decision = ref.decide(entry, amount, ctx);
        return decision.kind === 'refund' && madeToday(entry.tx, ctx) && entry.refunded === 0 ? { kind: 'void', amount: entry.tx.amount } : decision;
      },
    },
    caughtBy: ['viva.cancel.same-day-partial'],
  },
  {
    name: 'viva-date-window-ignored',
    title: 'txnDateFrom and txnDateTo are read but do not narrow the search',
    clause: '3/terminal-date-window',
    level: 'SHOULD',
    rules: { findEntry: (key, request, ctx) => ref.findEntry(key, { ...request, fields: { ...request.fields, txnDateFrom: undefined, txnDateTo: undefined } }, ctx) },
    caughtBy: ['viva.dates.window-respected'],
  },
];

export const TERMINAL_FAULTS_BY_NAME: ReadonlyMap<string, TerminalFault> = byName('terminal fault', TERMINAL_FAULTS);
