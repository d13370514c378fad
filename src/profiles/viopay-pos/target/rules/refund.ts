/**
 * PROFILE 1.6 and 1.8: which charges can be refunded and by how much. Runs under the charge's
 * lock, so the total it reads is the total it commits against.
 */
import { reject, type Rejection } from '../rejection';
import type { Amount, Charge } from '../store';
import type { RuleContext } from './context';

export function checkRefund(charge: Charge, amount: Amount, ctx: RuleContext): Rejection | null {
  if (charge.state !== 'approved') return reject.badRequest(`a ${charge.state} charge cannot be refunded`);
  if (!charge.settled && ctx.options.may.refundBeforeSettlement === 'refuse') {
    return reject.badRequest('the charge is not settled yet; cancel it instead');
  }
  if (amount.currency !== charge.amount.currency) return reject.badRequest('refund currency differs from the charge');
  const remaining = BigInt(charge.amount.value) - ctx.store.refundedMinor(charge);
  if (BigInt(amount.value) > remaining) return reject.badRequest(`refund exceeds the remaining ${remaining} minor units`);
  return null;
}
