/** POST /pos/charge/{id}/cancel and /reverse (PROFILE 1.7): no body; the signature covers the empty one. */
import { RejectionError } from '../rejection';
import type { OperationInput, OperationResult } from './types';

export async function cancelCharge(input: OperationInput): Promise<OperationResult> {
  const { ctx } = input;
  const { rules } = ctx.options;
  const chargeId = input.chargeId ?? '';
  await rules.withChargeLock(
    chargeId,
    async () => {
      const charge = rules.findCharge(chargeId, ctx);
      if (charge === undefined || charge.terminalId !== input.terminal.id) throw new RejectionError(rules.unknownCharge(ctx));
      const decision = rules.decideCancel(charge, ctx);
      if (typeof decision === 'object') throw new RejectionError(decision);
      if (decision === 'cancel') {
        await rules.gatewayRoundTrip(ctx);
        charge.state = 'cancelled';
      }
    },
    ctx,
  );
  return { plaintext: { charge_id: chargeId, status: 'cancelled' } };
}
