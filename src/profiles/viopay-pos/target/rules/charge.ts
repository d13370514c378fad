/**
 * PROFILE 1.5: what a charge request must hold beyond its schema, and how the target decides a
 * charge: the declared test cards first, then expiry and Luhn (SHOULD NOT approve either).
 */
import { HEADER, type PaymentStatus } from '../../../../profile/pos';
import { luhnValid } from '../../../../profile/pan';
import { reject, type Rejection } from '../rejection';
import { header, type PosRequest } from '../request';
import type { RuleContext } from './context';

export interface ChargeRequest {
  card: { number: string; expiry_year: number; expiry_month: number };
  amount: { value: string; currency: string };
  terminal: { id: string };
}

/** SHOULD: `terminal.id` matches the `X-Terminal-Id` that signed the request. */
export function checkChargeTerminal(charge: ChargeRequest, req: PosRequest): Rejection | null {
  return charge.terminal.id === header(req, HEADER.terminalId)
    ? null
    : reject.badRequest('terminal.id differs from X-Terminal-Id');
}

/** True when the card's last valid month is before the current month (UTC). */
export function cardExpired(card: ChargeRequest['card'], nowMs: number): boolean {
  const now = new Date(nowMs);
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return card.expiry_year * 12 + (card.expiry_month - 1) < current;
}

export function decideCharge(charge: ChargeRequest, ctx: RuleContext): PaymentStatus {
  const { cards, now } = ctx.options;
  const pan = charge.card.number;
  if (cardExpired(charge.card, now()) || !luhnValid(pan)) return 'declined';
  if (pan === cards.declined) return 'declined';
  if (pan === cards.pending) return 'pending';
  return 'approved';
}
