/** The `vpws_cancel` operation (snake_case, as QA writes it), sent by the VPWS client. */
import type { Answer } from '../../client/pos-client';
import type { RuleProblem } from '../../scenario/authoring-rules';
import { StepUnsendable } from '../../scenario/step-errors';
import { headerValueProblem, requestLineProblem } from '../../scenario/wire-checks';
import type { ScenarioOperation } from '../scenario-side';
import type { VpwsClient, VpwsSendOptions } from './client';
import fragments from './scenario-schema.json';
import type { VpwsSession } from './session';

/**
 * A VPWS cancel (PROFILE 2). `authorization` is the header exactly (`{token}` stands for the token
 * of `token` after `token_change`; null sends none); `token_in` also puts the token in the query,
 * the body or an X-Access-Token header; `body_bytes` pads `reason` to a body of that size.
 */
export interface VpwsStep {
  referenceCode?: string | null;
  reason?: string;
  token?: 'dealer_a' | 'dealer_b' | 'none' | 'invalid';
  authorization?: string | null;
  token_change?: 'append-char' | 'drop-last-char' | 'upper-case' | 'lower-case';
  token_in?: 'query' | 'body' | 'x-access-token';
  raw_body?: string;
  body_bytes?: number;
  /** Another method or path than POST /vpws/payment/cancel (a request that must not cancel). */
  method?: string;
  path?: string;
}

/** The client's options for a step: only those the step gives. */
export function vpwsSendOptions(step: VpwsStep): VpwsSendOptions {
  const options: VpwsSendOptions = { token: step.token ?? 'dealer_a' };
  if (step.authorization !== undefined) options.authorization = step.authorization;
  if (step.token_change !== undefined) options.tokenChange = step.token_change;
  if (step.token_in !== undefined) options.tokenIn = step.token_in;
  if (step.raw_body !== undefined) options.rawBody = step.raw_body;
  if (step.body_bytes !== undefined) options.bodyBytes = step.body_bytes;
  if (step.method !== undefined) options.method = step.method;
  if (step.path !== undefined) options.path = step.path;
  return options;
}

/** Sends the step's cancel. @throws VpwsProbeNotApplicable (the check is skipped), TransportError */
export function sendVpwsStep(step: VpwsStep, client: VpwsClient): Promise<Answer> {
  const { referenceCode, reason } = step;
  return client.cancel({ ...(referenceCode !== undefined && { referenceCode }), ...(reason !== undefined && { reason }) }, vpwsSendOptions(step));
}

export const vpwsCancel: ScenarioOperation<VpwsStep, VpwsSession> = {
  name: 'vpws_cancel',
  schema: fragments.operations.vpws_cancel,
  send(value, _step, session) {
    if (!session.vpws) throw new StepUnsendable("a VPWS step needs the target config's tokens (dealer_a, dealer_b)");
    return sendVpwsStep(value, session.vpws);
  },
  inputProblems(value) {
    const out: RuleProblem[] = [];
    const header = typeof value.authorization === 'string' ? headerValueProblem(value.authorization) : null;
    if (header) out.push({ path: ['authorization'], message: header });
    const line = value.path === undefined ? null : requestLineProblem('path', value.path);
    if (line) out.push({ path: ['path'], message: line });
    return out;
  },
  bodyBytes: (value) => value.body_bytes,
};
