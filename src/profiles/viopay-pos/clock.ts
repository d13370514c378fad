/**
 * Estimates the target's clock from its `Date` header, so timestamp-window scenarios are
 * relative to the target, not to this machine. `Date` has one-second resolution: the estimate is
 * within about half a second plus half the round trip, which the scenarios' margins (3 s) cover.
 */
import type { PosClient } from '../../client/pos-client';
import { TransportError } from '../../client/transport';

/** Offset in ms to add to this machine's clock to get the target's; 0 when no `Date` came back. */
export async function estimateClockOffset(client: PosClient): Promise<number> {
  const before = Date.now();
  let date: string | undefined;
  try {
    // A cancel of a charge that does not exist: harmless on any target.
    const answer = await client.cancel(`ch_clockprobe${before}`);
    date = answer.headers.date;
  } catch (error) {
    if (error instanceof TransportError) throw error;
  }
  const after = Date.now();
  const theirs = date ? Date.parse(date) : NaN;
  if (Number.isNaN(theirs)) return 0;
  // The header is truncated to the second: its true value is on average half a second later.
  const offset = theirs + 500 - (before + after) / 2;
  // Within a second, the offset is noise of the header's resolution, not a skewed clock.
  return Math.abs(offset) < 1000 ? 0 : Math.round(offset);
}
