/** A `vpws_cancel` step (snake_case, as QA writes it) as the VPWS client sends it. */
import type { Answer } from '../../client/pos-client';
import type { VpwsClient, VpwsSendOptions } from './client';
import type { VpwsStep } from '../../scenario/types';

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
