/** PROFILE 1.2: `X-Timestamp` is RFC 3339 and within 300 s of the target's clock, both ways. */
import { TIMESTAMP_WINDOW_SECONDS } from '../../../../profile/pos';
import { parseRfc3339 } from '../../../../profile/rfc3339';
import { reject, type Rejection } from '../rejection';

export function checkTimestamp(value: string, nowMs: number): Rejection | null {
  const sent = parseRfc3339(value);
  if (sent === null) return reject.unauthorized('X-Timestamp is not an RFC 3339 date-time');
  if (Math.abs(sent - nowMs) > TIMESTAMP_WINDOW_SECONDS * 1000) {
    return reject.unauthorized('X-Timestamp is outside the 300 s window');
  }
  return null;
}
