/**
 * The terminal's rules, one named function each (seed 003, PROFILE 3). The simulator's pipeline
 * (handle.ts) calls them; a fault of the self-certification replaces exactly one.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { maskPan } from '../../../profile/pan';
import { formatIsoWithOffset, parseIsoWithOffset } from '../protocol/dates';
import { buildCallbackUri, type CallbackField } from '../protocol/callback';
import { URI_CHECKS } from '../protocol/lint/registry';
import type { UriCheck } from '../protocol/lint/uri-check';
import { searchKeyOf, type SearchKey, type VivaRequest } from '../protocol/request';
import { firstValues, type QueryPair } from '../protocol/uri';
import type { BookEntry, BookTransaction, TransactionBook } from './types';

export interface TerminalContext {
  book: TransactionBook;
  /** By order code. */
  entries: Map<string, BookEntry>;
  /** The AADE provider key, when the terminal verifies signatures. */
  aadeKey?: KeyObject;
  now(): number;
}

/** What a cancel does: a same-day full cancel voids; anything else refunds. */
export type Decision = { kind: 'void' | 'refund'; amount: number } | { kind: 'fail'; message: string };

export interface TerminalRules {
  /** Each parameter's value, and the names given more than once (which validateRequest refuses). */
  readParameters(pairs: readonly QueryPair[]): Pick<VivaRequest, 'fields' | 'repeated'>;
  /** The first MUST rule of PROFILE 3 the request breaks, as the failure callback's message. */
  validateRequest(request: VivaRequest, ctx: TerminalContext): string | undefined;
  /** Which field the search uses: shortOrderCode, then orderCode, then referenceNumber. */
  searchKey(request: VivaRequest): SearchKey;
  /** The payments the key finds, before the date window (a shortOrderCode: this terminal's only). */
  findEntries(key: SearchKey, request: VivaRequest, ctx: TerminalContext): BookEntry[];
  /** Is the payment within txnDateFrom..txnDateTo, both inclusive (txnDateTo absent: now)? */
  inWindow(tx: BookTransaction, request: VivaRequest, ctx: TerminalContext): boolean;
  /** Void, refund or refuse, for `amount` (cents as text; absent: everything left). */
  decide(entry: BookEntry, amount: string | undefined, ctx: TerminalContext): Decision;
  /** The card number as the callback shows it: first 6 and last 4 digits. */
  maskAccountNumber(pan: string): string;
  /** The callback's amount: cents, digits only. */
  callbackAmount(cents: number): string;
  /** Whether the callback carries aadeTransactionId: when the request had the AADE parameters. */
  carriesAade(request: VivaRequest): boolean;
  /** Acquirer code + 12-digit RRN + 6-character authorization code. */
  aadeTransactionId(tx: BookTransaction, ctx: TerminalContext): string;
  /** The callback URI's scheme: the request's `callback`. */
  callbackScheme(request: VivaRequest): string;
  /** The callback's transactionDate and transactionId. */
  stamp(ctx: TerminalContext): { transactionDate: string; transactionId: string };
  /** How the terminal writes a new payment's date (the state hook answers it as `date`). */
  paymentDate(epochMs: number, ctx: TerminalContext): string;
  /** A failure callback's fields: status `fail` (decision I10), the message, and the payment's fields when one was found (I11). */
  failureFields(message: string, found: Partial<Record<CallbackField, string>>): Partial<Record<CallbackField, string>>;
  /** The adapter's answer carrying the callback: HTTP 200 `{"callback"}` with the fields in the seed table's order. */
  writeAnswer(scheme: string, fields: Partial<Record<CallbackField, string>>): AdapterAnswer;
}

/** The status a failure callback carries; the seed shows only `success` (decision I10). */
export const FAILURE_STATUS = 'fail';

/** The adapter's answer: a callback, or (no callback can be made) an error with its HTTP status. */
export type AdapterAnswer = { status: number; body: { callback: string } } | { status: 400 | 422; body: { error: string } };

/** The request checks a terminal enforces: every MUST one (the signature one needs a key). */
export function firstMustProblem(request: VivaRequest, ctx: TerminalContext, checks: readonly UriCheck[] = URI_CHECKS): string | undefined {
  for (const check of checks) {
    if (check.level !== 'MUST') continue;
    const outcome = check.run(request, { aadeKey: ctx.aadeKey });
    if ('problems' in outcome && outcome.problems.length > 0) return outcome.problems[0];
  }
  return undefined;
}

/** `+0300` as minutes east of UTC. */
export function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
}

/** The calendar day of an instant at the terminal's offset. */
function dayAt(epochMs: number, offset: string): string {
  return new Date(epochMs + offsetMinutes(offset) * 60_000).toISOString().slice(0, 10);
}

/** Was the payment made today, by the terminal's calendar (a same-day full cancel voids it, seed 003)? */
export function madeToday(tx: BookTransaction, ctx: TerminalContext): boolean {
  return dayAt(parseIsoWithOffset(tx.date)!, ctx.book.terminal.offset) === dayAt(ctx.now(), ctx.book.terminal.offset);
}

export const referenceTerminalRules: TerminalRules = {
  readParameters: (pairs) => firstValues(pairs),
  validateRequest: (request, ctx) => firstMustProblem(request, ctx),
  searchKey: (request) => searchKeyOf(request.fields),
  findEntries: (key, _request, ctx) =>
    [...ctx.entries.values()].filter(({ tx }) => {
      if (key.kind === 'shortOrderCode') return tx.shortOrderCode === key.value && tx.tid === ctx.book.terminal.tid;
      if (key.kind === 'orderCode') return tx.orderCode === key.value;
      return key.kind === 'referenceNumber' && tx.stan === key.value;
    }),
  inWindow: (tx, request, ctx) => {
    const from = request.fields.txnDateFrom;
    if (from === undefined) return true;
    const when = parseIsoWithOffset(tx.date)!;
    // The seed: txnDateFrom without txnDateTo searches up to now.
    const to = request.fields.txnDateTo === undefined ? ctx.now() : parseIsoWithOffset(request.fields.txnDateTo)!;
    return when >= parseIsoWithOffset(from)! && when <= to;
  },
  decide: (entry, amount, ctx) => {
    const left = entry.voided ? 0 : entry.tx.amount - entry.refunded;
    if (left <= 0) return { kind: 'fail', message: 'Nothing is left to cancel or refund on this transaction' };
    const wanted = amount === undefined ? left : Number(amount);
    if (wanted <= 0) return { kind: 'fail', message: 'The amount must be more than 0' };
    if (wanted > left) return { kind: 'fail', message: `The amount ${wanted} is more than the ${left} left to refund` };
    return { kind: madeToday(entry.tx, ctx) && wanted === entry.tx.amount ? 'void' : 'refund', amount: wanted };
  },
  maskAccountNumber: (pan) => maskPan(pan),
  callbackAmount: (cents) => String(cents),
  carriesAade: (request) => request.fields.aadeProviderId !== undefined && request.fields.aadeProviderId !== '',
  aadeTransactionId: (tx, ctx) => `${ctx.book.terminal.acquirerCode}${tx.rrn}${tx.authCode}`,
  callbackScheme: (request) => request.fields.callback ?? '',
  stamp: (ctx) => ({ transactionDate: formatIsoWithOffset(ctx.now(), offsetMinutes(ctx.book.terminal.offset)), transactionId: randomUUID() }),
  paymentDate: (epochMs, ctx) => formatIsoWithOffset(epochMs, offsetMinutes(ctx.book.terminal.offset)),
  failureFields: (message, found) => ({ status: FAILURE_STATUS, message, action: 'cancel', ...found }),
  writeAnswer: (scheme, fields) => ({ status: 200, body: { callback: buildCallbackUri(scheme, fields) } }),
};
