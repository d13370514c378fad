/**
 * The step operations of the Viopay POS API (PROFILE section 1): a charge over the seed's example,
 * a refund, cancel or reverse of a charge, and a raw signed request. Each is sent through the
 * signed client with the step's settings (`break`, `idempotency_key`: ./step-settings.ts).
 */
import { sampleCharge, sampleRefund } from '../../client/fixtures';
import type { Answer } from '../../client/pos-client';
import type { RequestSpec } from '../../client/build';
import { PATHS } from '../../profile/pos';
import type { SchemaName } from '../../schemas/validator';
import type { RuleProblem } from '../../scenario/authoring-rules';
import { deepMerge } from '../../scenario/merge';
import type { Step } from '../../scenario/types';
import { methodProblem, requestLineProblem } from '../../scenario/wire-checks';
import type { ScenarioOperation } from '../scenario-side';
import { toRequestBreaks } from './breaks';
import { cameTooLate } from './late-answer';
import { posSettingsOf } from './settings';
import type { PosSession } from './session';
import fragments from './scenario-schema.json';
import { posStep, type RawValue, type RefundValue, type VoidValue } from './step-types';

/** How many times a timestamp case whose answer came too late to judge is sent (late-answer.ts). */
const TIMELY_TRIES = 5;

/**
 * Signs and sends `spec` with the step's breaks and Idempotency-Key. A step whose timestamp skew
 * lateness can carry across the window's edge, answered as lateness would have it (a case ahead
 * accepted, one behind refused) too late to prove it, is built and sent again, with a fresh
 * timestamp and nonce (not where the step fixes the nonce), at most TIMELY_TRIES times.
 */
async function sendSigned(spec: RequestSpec, step: Step, session: PosSession, schema?: SchemaName): Promise<Answer> {
  const { break: breaks, idempotency_key: key } = posStep(step);
  const withKey = key === undefined ? spec : { ...spec, idempotencyKey: key };
  const requestBreaks = toRequestBreaks(breaks);
  const skew = typeof requestBreaks.timestamp === 'object' && requestBreaks.nonce === undefined ? requestBreaks.timestamp.skewSeconds : undefined;
  for (let attempt = 1; ; attempt++) {
    const sent = performance.now();
    const answer = await session.client.send(session.client.build(withKey, requestBreaks), schema);
    const asLatenessWouldHaveIt = skew !== undefined && (skew > 0 ? answer.status === 200 : answer.status === 401);
    if (attempt === TIMELY_TRIES || !asLatenessWouldHaveIt || !cameTooLate(skew, performance.now() - sent)) return answer;
  }
}

/** The bytes a step's `break.body_bytes` asks for. */
const breakBodyBytes = (_value: unknown, step: Step) => posStep(step).break?.body_bytes;

const charge: ScenarioOperation<Record<string, unknown>, PosSession> = {
  name: 'charge',
  schema: fragments.operations.charge,
  send(value, step, session) {
    // The target of the session: its approved card and terminal, at its clock.
    const target = session.target;
    const base = sampleCharge({ pan: target.cards.approved, terminalId: posSettingsOf(target).terminalId }, session.client.now());
    return sendSigned({ method: 'POST', path: PATHS.charge, plaintext: deepMerge(base, value) }, step, session, 'charge-response');
  },
  bodyBytes: breakBodyBytes,
};

const refund: ScenarioOperation<RefundValue, PosSession> = {
  name: 'refund',
  schema: fragments.operations.refund,
  send(value, step, session) {
    // An Idempotency-Key goes with charges only (PROFILE 1.5).
    const { idempotency_key: _key, ...rest } = posStep(step);
    return sendSigned({ method: 'POST', path: PATHS.refund(encodeURIComponent(value.charge)), plaintext: deepMerge(sampleRefund(), value.body) }, rest, session, 'refund-response');
  },
  bodyBytes: breakBodyBytes,
};

function voiding(name: 'cancel' | 'reverse'): ScenarioOperation<VoidValue, PosSession> {
  return {
    name,
    schema: fragments.operations[name],
    send(value, step, session) {
      const { idempotency_key: _key, ...rest } = posStep(step);
      return sendSigned({ method: 'POST', path: PATHS[name](encodeURIComponent(value.charge)) }, rest, session, 'cancel-response');
    },
    bodyBytes: breakBodyBytes,
  };
}

const raw: ScenarioOperation<RawValue, PosSession> = {
  name: 'raw',
  schema: fragments.operations.raw,
  send(value, step, session) {
    const spec: RequestSpec = { method: value.method, path: value.path };
    if (value.query !== undefined) spec.query = value.query;
    if (value.plaintext !== undefined) spec.plaintext = value.plaintext;
    return sendSigned(spec, step, session);
  },
  inputProblems(value) {
    const out: RuleProblem[] = [];
    const method = methodProblem(value.method);
    if (method) out.push({ path: ['method'], message: method });
    for (const part of ['path', 'query'] as const) {
      const text = value[part];
      const problem = text === undefined ? null : requestLineProblem(part, text);
      if (problem) out.push({ path: [part], message: problem });
    }
    return out;
  },
  bodyBytes: breakBodyBytes,
};

export const POS_OPERATIONS = [charge, refund, voiding('cancel'), voiding('reverse'), raw];
