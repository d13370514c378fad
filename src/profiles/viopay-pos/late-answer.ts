/**
 * A timestamp case and the time its answer took (PROFILE 1.2: X-Timestamp within 300 s of the
 * target's clock). A timestamp is fixed when its request is built, so a request the target reads
 * t seconds later carries a timestamp t seconds further behind. A case ahead of the window (that
 * must be refused) or behind inside it (that must be accepted) can thus cross the edge on a slow
 * network or a loaded machine, and its answer then proves nothing about the target.
 */
import { TIMESTAMP_WINDOW_SECONDS as WINDOW_S } from '../../profile/pos';

/** The error of the target-aligned clock: the target's Date header has a resolution of 1 s. */
const CLOCK_ERROR_S = 1;

/**
 * How late (s) the answer to a timestamp `skewSeconds` from the target's clock may come and still
 * prove something: its distance from the edge less the clock error. Undefined where lateness only
 * takes the case away from the edge (behind and outside, ahead and inside) or there is no skew.
 */
export function lateSlackSeconds(skewSeconds: number | undefined): number | undefined {
  if (skewSeconds === undefined) return undefined;
  if (skewSeconds > WINDOW_S) return skewSeconds - WINDOW_S - CLOCK_ERROR_S;
  if (skewSeconds < 0 && skewSeconds > -WINDOW_S) return WINDOW_S + skewSeconds - CLOCK_ERROR_S;
  return undefined;
}

/** Whether an answer that took `tookMs` came too late to judge a case `skewSeconds` from the target's clock. */
export function cameTooLate(skewSeconds: number | undefined, tookMs: number): boolean {
  const slack = lateSlackSeconds(skewSeconds);
  return slack !== undefined && tookMs / 1000 >= slack;
}
