/**
 * A VPWS contract scenario as a Pact interaction: the provider state `vpws transaction exists`
 * (PROFILE section 4) makes the transaction and yields its referenceCode, which Pact injects into
 * the body; the request carries the dealer's Bearer token, which the verifier's filter supplies.
 */
import type { Level } from '../core/types';
import type { LoadedScenario } from '../scenario/types';

export const EXAMPLE_REFERENCE_CODE = 'ref-pact-example';

export interface VpwsInteraction {
  id: string;
  description: string;
  level: Level;
  clause: string;
  given: { state: 'vpws transaction exists'; params: Record<string, unknown> };
  /** Whose token the filter puts in (none: no Authorization header). */
  token: 'dealer_a' | 'dealer_b' | 'none' | 'invalid';
  reason?: string;
  status: number;
  /** The body the contract shows, and the fields a verifier compares exactly. */
  responseExample: Record<string, unknown>;
  exactFields: string[];
}

export function vpwsInteractionOf(s: LoadedScenario): VpwsInteraction {
  const contract = s.contract!;
  const step = s.steps[s.steps.length - 1]!;
  if (!step.vpws_cancel || contract.given?.state !== 'vpws transaction exists') throw new Error(`${s.id}: a VPWS contract ends in vpws_cancel and is given "vpws transaction exists"`);
  const status = Number(([] as Array<number | string>).concat(step.expect?.status ?? 200)[0]);
  const ok = status === 200;
  return {
    id: s.id,
    description: contract.description,
    level: s.level,
    clause: s.ref.clause,
    given: { state: 'vpws transaction exists', params: contract.given.params ?? {} },
    token: step.vpws_cancel.token ?? 'dealer_a',
    ...(step.vpws_cancel.reason !== undefined && { reason: step.vpws_cancel.reason }),
    status,
    responseExample: {
      message: ok ? '' : status === 401 ? 'Unauthorized' : 'Forbidden',
      statusCode: status,
      exceptions: null,
      data: ok ? { lastAmount: 0, transactionStatusId: 1, errorCode: null, isSuccess: true, errorMessage: null } : null,
      oldData: null,
      errors: null,
    },
    exactFields: Object.keys(step.expect?.fields ?? {}),
  };
}
