/**
 * The simulator's pipeline: a request URI in, a callback URI out. Validation, search, decision,
 * then the callback, each step a rule of rules.ts.
 */
import type { CallbackField } from '../protocol/callback';
import { parseIsoWithOffset } from '../protocol/dates';
import { parseRequestUri, type VivaRequest } from '../protocol/request';
import type { BookEntry } from './types';
import type { AdapterAnswer, TerminalContext, TerminalRules } from './rules';

export function answerRequestUri(uri: string, rules: TerminalRules, ctx: TerminalContext): AdapterAnswer {
  const parsed = parseRequestUri(uri);
  if (!parsed.ok) return { status: 400, body: { error: `not a request URI: ${parsed.problem}` } };
  const request: VivaRequest = { ...parsed.request, ...rules.readParameters(parsed.request.pairs) };
  const scheme = rules.callbackScheme(request);
  // No callback scheme, no way back to the client: the adapter says why instead.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return { status: 422, body: { error: 'the request has no usable callback scheme, so there is no callback to answer' } };
  const fail = (message: string, found: Partial<Record<CallbackField, string>> = {}): AdapterAnswer => rules.writeAnswer(scheme, rules.failureFields(message, found));

  const problem = rules.validateRequest(request, ctx);
  if (problem !== undefined) return fail(problem);
  const key = rules.searchKey(request);
  if (key.kind === 'none') return fail('No shortOrderCode, orderCode or referenceNumber: nothing to search by');
  const entry = latest(rules.findEntries(key, request, ctx).filter((e) => rules.inWindow(e.tx, request, ctx)));
  if (!entry) return fail('Transaction not found');
  const { tx } = entry;
  const found = { orderCode: tx.orderCode, shortOrderCode: tx.shortOrderCode, tid: tx.tid, cardType: tx.card.type, accountNumber: rules.maskAccountNumber(tx.card.number) };
  const decision = rules.decide(entry, request.fields.amount, ctx);
  if (decision.kind === 'fail') return fail(decision.message, found);

  if (decision.kind === 'void') entry.voided = true;
  else entry.refunded += decision.amount;
  const fields: Partial<Record<CallbackField, string>> = {
    status: 'success',
    message: decision.kind === 'void' ? 'Transaction cancelled' : 'Transaction refunded',
    action: 'cancel',
    amount: rules.callbackAmount(decision.amount),
    ...found,
    ...rules.stamp(ctx),
  };
  if (rules.carriesAade(request)) fields.aadeTransactionId = rules.aadeTransactionId(tx, ctx);
  return rules.writeAnswer(scheme, fields);
}

/** A STAN repeats over time: of the payments found in the window, the latest is the one meant. */
function latest(entries: readonly BookEntry[]): BookEntry | undefined {
  return [...entries].sort((a, b) => parseIsoWithOffset(b.tx.date)! - parseIsoWithOffset(a.tx.date)!)[0];
}
