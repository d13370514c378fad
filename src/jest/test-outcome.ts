/**
 * Whether a check's jest test fails, and with what: the verdict rule (core/verdict.ts) for one
 * check, so that under plain jest (`npx jest --selectProjects conformance`) jest's exit code is
 * the one `paycert run` gives, the run's baseline included.
 */
export { withBaseline } from '../core/baseline';
import type { CheckResult } from '../core/types';
import { formatFailure } from '../report/failure-format';

/**
 * The message the check's test fails with, or undefined when it passes: a MUST failure (or, with
 * `strict`, a SHOULD one) fails unless the baseline expects it; an expired baseline entry fails;
 * a baselined check that passed fails under `strict`.
 */
export function testFailure(result: CheckResult, strict: boolean): string | undefined {
  const mark = result.baseline;
  const details = result.failure ? `${result.failure.message}\n\n${formatFailure(result.failure)}` : undefined;
  if (mark?.state === 'known') return undefined;
  if (mark?.state === 'expired') return `the baseline entry for ${result.check.id} expired (expires ${mark.expires ?? '?'}); it fails the run${details ? `\n\n${details}` : ''}`;
  if (mark?.state === 'fixed') return strict ? `${result.check.id} passed, but the baseline still lists it (--strict): take it out of the baseline` : undefined;
  if (details !== undefined && (result.status === 'failed' || strict)) return details;
  return undefined;
}
