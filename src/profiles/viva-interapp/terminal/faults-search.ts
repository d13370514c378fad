/**
 * Faults of a terminal's search and decision (PROFILE 3): which key counts, the date window, what
 * a refund without amount takes, and what a failure callback says. Each switches one rule the
 * way a real implementation gets it almost right: a half-open window, dates compared by their
 * wall clock, a "current date" read as midnight, a fallback to the next search key.
 */
import { formatIsoWithOffset, parseIsoWithOffset } from '../protocol/dates';
import { searchKeyOf, type SearchKey } from '../protocol/request';
import type { TerminalFault } from './fault-types';
import { FAILURE_STATUS, madeToday, offsetMinutes, referenceTerminalRules as ref, type TerminalContext, type TerminalRules } from './rules';

const KEY_ORDER = ['shortOrderCode', 'orderCode', 'referenceNumber'] as const;

/** The request's window as instants: from (undefined: no window) and to (absent: now, or `defaultTo`). */
function windowOf(fields: Record<string, string | undefined>, ctx: TerminalContext, read = parseIsoWithOffset, defaultTo = ctx.now()) {
  const from = fields.txnDateFrom === undefined ? undefined : read(fields.txnDateFrom)!;
  const to = fields.txnDateTo === undefined ? defaultTo : read(fields.txnDateTo)!;
  return { from, to };
}

/** A window check with its own comparison of the payment's instant with the bounds. */
const windowBy = (within: (when: number, from: number, to: number) => boolean): TerminalRules['inWindow'] => (tx, request, ctx) => {
  const { from, to } = windowOf(request.fields, ctx);
  return from === undefined || within(parseIsoWithOffset(tx.date)!, from, to);
};

/** The wall clock a date shows, its offset dropped: what comparing dates as text amounts to. */
const wallClock = (text: string) => parseIsoWithOffset(text.replace(/(Z|[+-]\d{2}:?\d{2})$/, 'Z'))!;

/** Midnight at the start of the terminal's today. */
function startOfToday(ctx: TerminalContext): number {
  const offset = offsetMinutes(ctx.book.terminal.offset) * 60_000;
  const local = ctx.now() + offset;
  return local - (local % 86_400_000) - offset;
}

export const SEARCH_FAULTS: readonly TerminalFault[] = [
  {
    name: 'viva-precedence-reversed',
    title: 'referenceNumber wins over orderCode and shortOrderCode',
    clause: '3/terminal-precedence',
    level: 'MUST',
    rules: {
      searchKey: (request) => {
        for (const kind of [...KEY_ORDER].reverse()) {
          const value = request.fields[kind];
          if (value !== undefined && value !== '') return { kind, value };
        }
        return { kind: 'none' };
      },
    },
    caughtBy: ['viva.precedence.short-code-first', 'viva.precedence.order-code-before-reference'],
  },
  {
    name: 'viva-precedence-fallback',
    title: 'When the first key finds nothing, the next one is tried (another terminal\'s shortOrderCode, then the orderCode beside it, is cancelled)',
    clause: '3/terminal-precedence',
    level: 'MUST',
    rules: {
      findEntries: (key, request, ctx) => {
        if (key.kind === 'none') return [];
        for (const kind of KEY_ORDER.slice(KEY_ORDER.indexOf(key.kind))) {
          const value = request.fields[kind];
          const next: SearchKey = { kind, value: value ?? '' };
          const found = value ? ref.findEntries(next, request, ctx) : [];
          if (found.length > 0) return found;
        }
        return [];
      },
    },
    caughtBy: ['viva.precedence.no-fallback'],
  },
  {
    name: 'viva-short-code-any-terminal',
    title: "A shortOrderCode finds another terminal's sale",
    clause: '3/terminal-short-code',
    level: 'MUST',
    rules: {
      findEntries: (key, request, ctx) => (key.kind === 'shortOrderCode' ? [...ctx.entries.values()].filter((e) => e.tx.shortOrderCode === key.value) : ref.findEntries(key, request, ctx)),
    },
    caughtBy: ['viva.short-code.other-terminal'],
  },
  {
    name: 'viva-date-window-ignored',
    title: 'txnDateFrom and txnDateTo are read but do not narrow the search',
    clause: '3/terminal-date-window',
    level: 'MUST',
    rules: { inWindow: () => true },
    caughtBy: ['viva.dates.window-respected', 'viva.dates.bounds-inclusive'],
  },
  {
    name: 'viva-date-window-stan-only',
    title: 'The date window narrows a search by referenceNumber only, not by orderCode or shortOrderCode',
    clause: '3/terminal-date-window',
    level: 'MUST',
    rules: { inWindow: (tx, request, ctx) => (searchKeyOf(request.fields).kind === 'referenceNumber' ? ref.inWindow(tx, request, ctx) : true) },
    caughtBy: ['viva.dates.bounds-inclusive'],
  },
  {
    name: 'viva-date-bounds-exclusive',
    title: 'A payment dated exactly txnDateFrom or txnDateTo is not found (both bounds exclusive)',
    clause: '3/terminal-date-window',
    level: 'MUST',
    rules: { inWindow: windowBy((when, from, to) => when > from && when < to) },
    caughtBy: ['viva.dates.bounds-inclusive'],
  },
  {
    name: 'viva-date-to-exclusive',
    title: 'A payment dated exactly txnDateTo is not found (a half-open window)',
    clause: '3/terminal-date-window',
    level: 'MUST',
    rules: { inWindow: windowBy((when, from, to) => when >= from && when < to) },
    caughtBy: ['viva.dates.bounds-inclusive'],
  },
  {
    name: 'viva-date-to-ignored',
    title: 'txnDateTo is read but the search always runs up to now',
    clause: '3/terminal-date-window',
    level: 'MUST',
    rules: { inWindow: (tx, request, ctx) => ref.inWindow(tx, { ...request, fields: { ...request.fields, txnDateTo: undefined } }, ctx) },
    caughtBy: ['viva.dates.bounds-inclusive'],
  },
  {
    name: 'viva-date-offset-ignored',
    title: 'Dates are compared by their wall clock, offsets ignored (as text would be)',
    clause: '3/terminal-date-window',
    level: 'MUST',
    rules: {
      inWindow: (tx, request, ctx) => {
        const now = wallClock(formatIsoWithOffset(ctx.now(), offsetMinutes(ctx.book.terminal.offset)));
        const { from, to } = windowOf(request.fields, ctx, wallClock, now);
        return from === undefined || (wallClock(tx.date) >= from && wallClock(tx.date) <= to);
      },
    },
    caughtBy: ['viva.dates.bounds-any-offset'],
  },
  {
    name: 'viva-date-to-default-midnight',
    title: 'Without txnDateTo the search ends at the start of today ("the current date"), so today\'s payments are not found',
    clause: '3/terminal-date-window',
    level: 'MUST',
    rules: {
      inWindow: (tx, request, ctx) => {
        const { from, to } = windowOf(request.fields, ctx, parseIsoWithOffset, startOfToday(ctx));
        return from === undefined || (parseIsoWithOffset(tx.date)! >= from && parseIsoWithOffset(tx.date)! <= to);
      },
    },
    caughtBy: ['viva.dates.to-defaults-to-now'],
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
    name: 'viva-remaining-refund-whole-amount',
    title: 'A refund without amount after partial refunds refunds the whole payment again',
    clause: '3/terminal-remaining-refund',
    level: 'MUST',
    rules: {
      decide: (entry, amount, ctx) =>
        amount === undefined && !entry.voided && entry.refunded > 0 && entry.refunded < entry.tx.amount ? { kind: 'refund', amount: entry.tx.amount } : ref.decide(entry, amount, ctx),
    },
    caughtBy: ['viva.refund.remaining-after-partials'],
  },
  {
    name: 'viva-same-day-remaining-voids',
    title: 'A same-day cancel without amount after a partial refund voids the whole payment',
    clause: '3/terminal-remaining-refund',
    level: 'MUST',
    rules: {
      decide: (entry, amount, ctx) =>
        amount === undefined && !entry.voided && entry.refunded > 0 && madeToday(entry.tx, ctx) ? { kind: 'void', amount: entry.tx.amount } : ref.decide(entry, amount, ctx),
    },
    caughtBy: ['viva.refund.remaining-same-day'],
  },
  {
    name: 'viva-failure-no-message',
    title: 'A failure callback carries no message',
    clause: '3/callback-failure-message',
    level: 'SHOULD',
    rules: { failureFields: (_message, found) => ({ status: FAILURE_STATUS, action: 'cancel', ...found }) },
    caughtBy: ['viva.callback.failure-message', 'viva.callback.failure-message-refused'],
  },
];
