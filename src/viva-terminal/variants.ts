/**
 * Faults of the Viva terminal simulator: each is the simulator with one rule switched to a
 * mistake real terminal implementers make (PROFILE 3). The self-certification will certify each
 * once terminal certification (issue 8, item 4) exists; until then variants.test.ts shows each
 * fault changes what the terminal answers.
 */
import { byName } from '../target/variants/by-name';
import { formatIsoWithOffset } from '../viva/dates';
import { URI_CHECKS } from '../viva/lint/registry';
import { firstMustProblem, referenceTerminalRules as ref, type TerminalRules } from './rules';

export interface TerminalFault {
  /** Stable name: `paycert serve --profile viva-interapp --fault NAME` (later) and the selftest. */
  name: string;
  title: string;
  /** The PROFILE 3 clause it breaks. */
  clause: string;
  level: 'MUST' | 'SHOULD';
  /** The one rule it switches. */
  rules: Partial<TerminalRules>;
}

export const TERMINAL_FAULTS: readonly TerminalFault[] = [
  {
    name: 'viva-account-unmasked',
    title: 'The callback shows the whole card number',
    clause: '3/callback-masking',
    level: 'MUST',
    rules: { maskAccountNumber: (pan) => pan },
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
  },
  {
    name: 'viva-date-to-alone-accepted',
    title: 'txnDateTo without txnDateFrom is searched instead of refused',
    clause: '3/request-dates',
    level: 'MUST',
    rules: { validateRequest: (request, ctx) => firstMustProblem(request, ctx, URI_CHECKS.filter((c) => c.id !== 'viva.request.date-range')) },
  },
  {
    name: 'viva-amount-in-euros',
    title: 'The callback amount is in euros with decimals, not cents',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { callbackAmount: (cents) => (cents / 100).toFixed(2) },
  },
  {
    name: 'viva-aade-id-missing',
    title: 'aadeTransactionId is left out although the request had AADE parameters',
    clause: '3/callback-aade',
    level: 'MUST',
    rules: { carriesAade: () => false },
  },
  {
    name: 'viva-callback-wrong-scheme',
    title: "The callback goes to vivapayclient:// instead of the request's callback scheme",
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { callbackScheme: () => 'vivapayclient' },
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
  },
  {
    name: 'viva-refund-over-amount',
    title: 'A refund above what is left succeeds',
    clause: '3/terminal-refund-limit',
    level: 'MUST',
    rules: { decide: (entry, amount, ctx) => (amount === undefined ? ref.decide(entry, amount, ctx) : { kind: 'refund', amount: Number(amount) }) },
  },
  {
    name: 'viva-transaction-date-no-offset',
    title: 'transactionDate has no offset',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { stamp: (ctx) => ({ ...ref.stamp(ctx), transactionDate: formatIsoWithOffset(ctx.now(), 0).slice(0, 23) }) },
  },
];

export const TERMINAL_FAULTS_BY_NAME: ReadonlyMap<string, TerminalFault> = byName('terminal fault', TERMINAL_FAULTS);
