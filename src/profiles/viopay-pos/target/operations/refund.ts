/** POST /pos/charge/{id}/refund (PROFILE 1.6). */
import { newId } from '../ids';
import { RejectionError } from '../rejection';
import type { Amount, Refund } from '../store';
import { decodeRequest } from './decode';
import type { OperationInput, OperationResult } from './types';

interface RefundRequest {
  amount: Amount;
}

export async function createRefund(input: OperationInput): Promise<OperationResult> {
  const { ctx } = input;
  const { rules } = ctx.options;
  const request = decodeRequest<RefundRequest>(input, 'refund-request');
  const amountRefusal = rules.checkAmount(request.amount);
  if (amountRefusal) throw new RejectionError(amountRefusal);
  const chargeId = input.chargeId ?? '';
  const refund = await rules.withChargeLock(
    chargeId,
    async (): Promise<Refund> => {
      const charge = rules.findCharge(chargeId, ctx);
      if (charge === undefined || charge.terminalId !== input.terminal.id) throw new RejectionError(rules.unknownCharge(ctx));
      const refusal = rules.checkRefund(charge, request.amount, ctx);
      if (refusal) throw new RejectionError(refusal);
      await rules.gatewayRoundTrip(ctx);
      const made: Refund = {
        id: newId('rf', ctx.options.liberties.idStyle),
        status: 'approved',
        amount: { value: request.amount.value, currency: request.amount.currency },
      };
      charge.refunds.push(made);
      return made;
    },
    ctx,
  );
  return { plaintext: { refund_id: refund.id, status: refund.status, amount: refund.amount } };
}
