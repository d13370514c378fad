/**
 * A VPWS contract scenario as a Pact interaction: the provider state `vpws transaction exists`
 * (PROFILE section 4) makes the transaction and yields its referenceCode, which Pact injects into
 * the body; the request carries the Bearer token of the dealer its `caller` param names, which the
 * state hook answers as `token` (a stock verifier injects it; paycert's own verifier puts in the
 * target config's).
 * What the answer is held to follows from the scenario's expectation: a successful cancel, a
 * refused cancel (isSuccess false), or a refusal before any transaction (401, 403).
 */
import type { Level } from '../../../core/types';
import type { LoadedScenario } from '../../../scenario/types';
import type { VpwsStep } from '../step';

export const EXAMPLE_REFERENCE_CODE = 'ref-pact-example';
/** The token of the invalid-token interaction, written in the contract: no dealer holds it (the VPWS client's invalid token too). */
export const INVALID_TOKEN = 'paycert-not-a-valid-token';

/** What PROFILE 2 fixes of the answer: a success, a refused cancel (`data.isSuccess` false), or only the status. */
export type VpwsAnswerKind = 'cancelled' | 'cancel-refused' | 'refused';

export interface VpwsInteraction {
  id: string;
  description: string;
  level: Level;
  clause: string;
  /** The state's params: the scenario's, and `caller` (whose token the request carries) when it carries a dealer's. */
  given: { state: 'vpws transaction exists'; params: Record<string, unknown> };
  /** Whose token the request carries (none: no Authorization header; invalid: one no dealer holds). */
  token: 'dealer_a' | 'dealer_b' | 'none' | 'invalid';
  reason?: string;
  kind: VpwsAnswerKind;
  /** The statuses PROFILE allows; the first is the example's. */
  statuses: number[];
  /** The body the contract shows. */
  responseExample: Record<string, unknown>;
  /** The fields whose value (not only type) the contract fixes. */
  exactFields: string[];
}

const EXACT_FIELDS: Record<VpwsAnswerKind, string[]> = {
  cancelled: ['statusCode', 'data.isSuccess', 'data.lastAmount'],
  'cancel-refused': ['data.isSuccess'],
  refused: [],
};

/** The example bodies, in the seed's shape (its texts are examples: a verifier never compares them). */
function exampleBody(kind: VpwsAnswerKind, status: number, given: Record<string, unknown>): Record<string, unknown> {
  const wrapper = { exceptions: null, oldData: null, errors: null };
  if (kind === 'cancelled') {
    return { message: '', statusCode: 200, ...wrapper, data: { lastAmount: 0, transactionStatusId: 1, errorCode: null, isSuccess: true, errorMessage: null } };
  }
  if (kind === 'cancel-refused') {
    const data = { lastAmount: typeof given.amount === 'number' ? given.amount : 0, transactionStatusId: typeof given.transactionStatusId === 'number' ? given.transactionStatusId : 2, errorCode: 'CANCEL_REFUSED', isSuccess: false, errorMessage: 'Cancellation failed' };
    return { message: 'Cancellation failed', statusCode: status, ...wrapper, data };
  }
  return { message: status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Refused', statusCode: status, ...wrapper, data: null };
}

export function vpwsInteractionOf(s: LoadedScenario): VpwsInteraction {
  const contract = s.contract!;
  const step = s.steps[s.steps.length - 1]!;
  const cancel = step.vpws_cancel as VpwsStep | undefined;
  if (!cancel || contract.given?.state !== 'vpws transaction exists') throw new Error(`${s.id}: a VPWS contract ends in vpws_cancel and is given "vpws transaction exists"`);
  const statuses = ([] as Array<number | string>).concat(step.expect?.status ?? 200).map(Number);
  const isSuccess = step.expect?.fields?.['data.isSuccess'];
  const kind: VpwsAnswerKind = isSuccess === true ? 'cancelled' : isSuccess === false ? 'cancel-refused' : 'refused';
  const token = cancel.token ?? 'dealer_a';
  // Whose token the request carries is a param of the state, so a state hook can answer it (PROFILE 4's hook answers the values an interaction needs).
  const params = { ...contract.given.params, ...((token === 'dealer_a' || token === 'dealer_b') && { caller: token }) };
  return {
    id: s.id,
    description: contract.description,
    level: s.level,
    clause: s.ref.clause,
    given: { state: 'vpws transaction exists', params },
    token,
    ...(cancel.reason !== undefined && { reason: cancel.reason }),
    kind,
    statuses,
    responseExample: exampleBody(kind, statuses[0]!, params),
    exactFields: EXACT_FIELDS[kind],
  };
}
