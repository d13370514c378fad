/**
 * The simulator's state hook: PROFILE section 4's `viva transaction exists` (its params: decision
 * I15 of docs/profile-decisions.md; `cardType` is paycert's addition).
 *
 * `POST /_conformance/state` with `{"action":"setup","state":"viva transaction exists","params":
 * {amount, daysAgo?, terminal?: "this"|"other", type?: "sale"|"preauth", cardType?}}` makes that
 * payment and answers what the terminal generated: `{orderCode, shortOrderCode, stan, tid, date}`.
 * Codes are the terminal's to make (a short order code is reconstructed by the terminal), so the
 * harness asks for a payment and reads them back.
 */
import { parseStateRequest } from '../../../target-kit/state-request';
import type { TerminalContext } from './rules';

export const VIVA_TRANSACTION_STATE = 'viva transaction exists';
/** The TID the hook gives a payment made "on another terminal". */
export const OTHER_TERMINAL_TID = '99999999';
const DAY = 86_400_000;

export type VivaStateAnswer = { status: 200; body: Record<string, string> } | { status: 400; body: { error: string } };

const refuse = (error: string): VivaStateAnswer => ({ status: 400, body: { error } });

/** Applies one state request to the simulator's book; `writeDate` writes the payment's date as the terminal does. */
export function applyVivaState(body: Buffer, ctx: TerminalContext, writeDate: (epochMs: number) => string): VivaStateAnswer {
  const request = parseStateRequest(body);
  if (request.kind === 'invalid') return refuse(request.message);
  // Teardowns, and the empty state a Pact verifier posts for an interaction without one, change nothing.
  if (request.kind === 'teardown' || request.state === '') return { status: 200, body: {} };
  if (request.state !== VIVA_TRANSACTION_STATE) return refuse(`unknown state: ${String(request.state)}`);
  const p = request.params;
  if (p === undefined) return refuse('params must be an object');
  if (typeof p.amount !== 'number' || !Number.isInteger(p.amount) || p.amount < 1) return refuse('params.amount must be a whole number of cents >= 1');
  const daysAgo = p.daysAgo ?? 0;
  if (typeof daysAgo !== 'number' || !Number.isInteger(daysAgo) || daysAgo < 0) return refuse('params.daysAgo must be a whole number >= 0');
  const terminal = p.terminal ?? 'this';
  if (terminal !== 'this' && terminal !== 'other') return refuse('params.terminal must be "this" or "other"');
  const type = p.type ?? 'sale';
  if (type !== 'sale' && type !== 'preauth') return refuse('params.type must be sale or preauth');

  // Unique within this simulator: the book's own codes start with 1, these with 2 (STANs with 9).
  const n = ctx.entries.size + 1;
  const shortOrderCode = `2${String(n).padStart(9, '0')}`;
  const orderCode = `${shortOrderCode}${String(n).padStart(6, '0')}`;
  const stan = String(900_000 + (n % 100_000));
  const tid = terminal === 'this' ? ctx.book.terminal.tid : OTHER_TERMINAL_TID;
  const date = writeDate(ctx.now() - daysAgo * DAY);
  const cardType = typeof p.cardType === 'string' ? p.cardType : 'Debit Mastercard';
  ctx.entries.set(orderCode, {
    tx: { type, orderCode, shortOrderCode, stan, date, amount: p.amount, card: { type: cardType, number: '5374890000041831' }, tid, rrn: `123456${stan}`, authCode: stan },
    refunded: 0,
    voided: false,
  });
  return { status: 200, body: { orderCode, shortOrderCode, stan, tid, date } };
}
