/** PROFILE 1.7 and 1.8: which charges can be cancelled (voided). */
import { reject, type Rejection } from '../rejection';
import type { Charge } from '../store';
import type { RuleContext } from './context';

/** 'cancel' to void now, 'repeat' to answer an earlier cancel again, or a rejection. */
export function decideCancel(charge: Charge, ctx: RuleContext): 'cancel' | 'repeat' | Rejection {
  if (charge.state === 'cancelled') {
    return ctx.options.may.repeatCancel === 'repeat' ? 'repeat' : reject.badRequest('the charge is already cancelled');
  }
  if (charge.state === 'declined') return reject.badRequest('a declined charge cannot be cancelled');
  if (charge.settled) return reject.badRequest('a settled charge cannot be cancelled; refund it instead');
  return 'cancel';
}

/** PROFILE 1.4 / 1.7: an unknown charge id is 404 or 400 (MAY). */
export function unknownCharge(ctx: RuleContext): Rejection {
  const message = 'no such charge';
  return ctx.options.may.unknownChargeStatus === 404 ? reject.notFound(message) : reject.badRequest(message);
}
