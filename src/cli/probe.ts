/** Is anything answering at the target's URL? Any HTTP answer counts; only no answer is an error. */
import { plainRequest } from '../client/plain-http';
import { TransportError } from '../client/transport';
import { UserError } from '../core/errors';

export async function probeTarget(baseUrl: string, timeoutMs: number): Promise<void> {
  try {
    await plainRequest(baseUrl, { method: 'GET', timeoutMs });
  } catch (error) {
    if (error instanceof TransportError) throw new UserError(`target unreachable: ${baseUrl} (${error.message})`);
    throw error;
  }
}
