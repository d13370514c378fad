/** Is anything answering at the target's URL? Any HTTP answer counts; only no answer is an error. */
import { UserError } from '../core/errors';

export async function probeTarget(baseUrl: string, timeoutMs: number): Promise<void> {
  try {
    const res = await fetch(baseUrl, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer().catch(() => undefined);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    const why = cause === 'ECONNREFUSED' ? 'connection refused' : cause === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : cause;
    throw new UserError(`target unreachable: ${baseUrl} (${why})`);
  }
}
