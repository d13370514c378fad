/**
 * A contract scenario as a Pact interaction: its last step is the request; `contract.given` the
 * provider state; `${x.charge_id}` in the path becomes the provider state's `charge_id`.
 */
import type { RequestBreaks } from '../../../client/breaks';
import { sampleCharge, sampleRefund } from '../../../client/fixtures';
import type { Level } from '../../../core/types';
import { PATHS } from '../../../profile/pos';
import { deepMerge } from '../../../scenario/merge';
import type { ContractSpec, LoadedScenario } from '../../../scenario/types';
import { toRequestBreaks } from '../breaks';
import { posStep } from '../step-types';

/** The charge id the contract's examples use where the provider state supplies the real one. */
export const EXAMPLE_CHARGE_ID = 'ch_pact_example';
/** Dates in the contract's examples are fixed, so the file does not change from run to run. */
export const EXAMPLE_CLOCK = Date.UTC(2026, 0, 1);

export interface Interaction {
  /** The scenario id; also sent as X-Paycert-Interaction so the verifier's filter can find it. */
  id: string;
  description: string;
  level: Level;
  clause: string;
  needsStateHook: boolean;
  given?: ContractSpec['given'];
  intent: NonNullable<ContractSpec['intent']>;
  method: string;
  /** Path with `${charge_id}` where the provider state supplies it. */
  pathTemplate: string;
  pathExample: string;
  /** Plaintext the request envelope carries; absent for cancel/reverse. */
  requestPlaintext?: unknown;
  breaks: RequestBreaks;
  /** A single status, or `clientError` where PROFILE allows several 4xx. */
  status: number | 'clientError';
  /** For 200: the example plaintext answer. */
  responsePlaintext?: Record<string, unknown>;
  /** Fields of the answer whose value is fixed (the rest need only the same type). */
  exactFields: string[];
  errorCode?: string;
}

const CHARGE_REF = /^\$\{([a-z_][a-z0-9_]*)\.charge_id\}$/;

function pathOf(op: 'refund' | 'cancel' | 'reverse', charge: string): { template: string; example: string } {
  const build = PATHS[op];
  return CHARGE_REF.test(charge) ? { template: build('${charge_id}'), example: build(EXAMPLE_CHARGE_ID) } : { template: build(charge), example: build(charge) };
}

export function interactionOf(s: LoadedScenario): Interaction {
  const contract = s.contract!;
  const step = posStep(s.steps[s.steps.length - 1]!);
  const expect = step.expect ?? {};
  const statuses = ([] as Array<number | string>).concat(expect.status ?? 200).map(Number);
  const base = {
    id: s.id,
    description: contract.description,
    level: s.level,
    clause: s.ref.clause,
    needsStateHook: (s.needs ?? []).includes('state_hook'),
    intent: contract.intent ?? 'sign',
    breaks: toRequestBreaks(step.break),
    status: statuses.length > 1 ? ('clientError' as const) : statuses[0]!,
    exactFields: Object.keys(expect.fields ?? {}),
    ...(contract.given && { given: contract.given }),
    ...(typeof expect.code === 'string' && { errorCode: expect.code }),
  };
  if (step.charge) {
    const plaintext = deepMerge(sampleCharge({}, EXAMPLE_CLOCK), step.charge) as Record<string, unknown>;
    const answer = { charge_id: EXAMPLE_CHARGE_ID, status: 'approved', amount: plaintext.amount, gateway_data: { authorization_code: 'A12345', rrn: '123456789012' } };
    return { ...base, method: 'POST', pathTemplate: PATHS.charge, pathExample: PATHS.charge, requestPlaintext: plaintext, responsePlaintext: answer };
  }
  if (step.refund) {
    const plaintext = deepMerge(sampleRefund(), step.refund.body) as Record<string, unknown>;
    const { template, example } = pathOf('refund', step.refund.charge);
    return { ...base, method: 'POST', pathTemplate: template, pathExample: example, requestPlaintext: plaintext, responsePlaintext: { refund_id: 'rf_pact_example', status: 'approved', amount: plaintext.amount } };
  }
  const op = step.cancel ? 'cancel' : step.reverse ? 'reverse' : undefined;
  if (!op) throw new Error(`${s.id}: a contract's last step is a charge, refund, cancel or reverse`);
  const { template, example } = pathOf(op, (step.cancel ?? step.reverse)!.charge);
  return { ...base, method: 'POST', pathTemplate: template, pathExample: example, responsePlaintext: { charge_id: EXAMPLE_CHARGE_ID, status: 'cancelled' } };
}
