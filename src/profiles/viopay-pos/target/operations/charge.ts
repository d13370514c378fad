/** POST /pos/charge (PROFILE 1.5). */
import { HEADER } from '../../../../profile/pos';
import { newId } from '../ids';
import { RejectionError } from '../rejection';
import { header } from '../request';
import type { ChargeRequest } from '../rules';
import type { Charge } from '../store';
import { decodeRequest } from './decode';
import type { OperationInput, OperationResult } from './types';

/** The charge answer: the charge as processed, whatever happened to it since (PROFILE 1.5: same status on a repeat). */
export function chargePlaintext(charge: Charge): unknown {
  return { charge_id: charge.id, status: charge.processed, amount: charge.amount, gateway_data: charge.gatewayData };
}

export async function createCharge(input: OperationInput): Promise<OperationResult> {
  const { req, ctx, terminal } = input;
  const { rules } = ctx.options;
  const request = decodeRequest<ChargeRequest>(input, 'charge-request');
  const refusal = rules.checkAmount(request.amount) ?? rules.checkChargeTerminal(request, req);
  if (refusal) throw new RejectionError(refusal);

  const make = async (): Promise<Charge> => {
    const state = rules.decideCharge(request, ctx);
    await rules.gatewayRoundTrip(ctx);
    const charge: Charge = {
      id: newId('ch', ctx.options.liberties.idStyle),
      terminalId: terminal.id,
      processed: state,
      state,
      settled: false,
      amount: { value: request.amount.value, currency: request.amount.currency },
      gatewayData: state === 'approved' ? { authorization_code: 'A12345', rrn: String(Date.now()).slice(-12) } : {},
      refunds: [],
    };
    ctx.store.charges.set(charge.id, charge);
    return charge;
  };

  const key = header(req, HEADER.idempotencyKey);
  const charge =
    key === undefined || key === ''
      ? await make()
      : await rules.idempotentCharge(`${terminal.id}\u0000${key}`, rules.fingerprint(request), make, ctx);
  return { plaintext: chargePlaintext(charge) };
}
