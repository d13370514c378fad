/** Is anything answering at the target's URL? Any HTTP answer counts; only no answer is an error. */
import { plainRequest } from '../client/plain-http';
import { TransportError } from '../client/transport';
import { UserError } from '../core/errors';

/**
 * Sends `GET baseUrl` within the run's budgets: the whole answer within `timeoutMs` (a target
 * that drips its answer is as unreachable as one that never answers), at most `maxAnswerBytes` read.
 * @throws UserError (exit 2) when no whole answer came.
 */
export async function probeTarget(baseUrl: string, timeoutMs: number, maxAnswerBytes?: number): Promise<void> {
  try {
    await plainRequest(baseUrl, { method: 'GET', timeoutMs, ...(maxAnswerBytes !== undefined && { maxResponseBytes: maxAnswerBytes }) });
  } catch (error) {
    if (error instanceof TransportError) throw new UserError(`target unreachable: ${baseUrl} (${error.message})`);
    throw error;
  }
}
