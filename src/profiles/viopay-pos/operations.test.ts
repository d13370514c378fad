/**
 * A timestamp step answered as lateness would have it, too late to prove it (late-answer.ts), is
 * built and sent again with a fresh timestamp; in time, or where lateness cannot explain the
 * answer, the first answer stands.
 */
import { referenceTarget } from '../../run/resolve-target';
import { envFor } from '../../scenario/env';
import type { Answer } from '../../client/pos-client';
import type { Step } from '../../scenario/types';
import { startReferenceTarget, type RunningTarget } from './target';
import { checkTimestamp } from './target/rules/timestamp';
import { reject } from './target/rejection';
import { POS_OPERATIONS } from './operations';
import type { PosSession } from './session';

const charge = POS_OPERATIONS.find((o) => o.name === 'charge') as unknown as { send(value: Record<string, unknown>, step: Step, session: PosSession): Promise<Answer> };
const step = (skew: number) => ({ charge: {}, break: { timestamp: { skew } } }) as unknown as Step;

/** A reference target whose first `refusals` timestamp checks refuse, answering every request after `delayMs`. */
async function targetRefusingFirst(refusals: number, delayMs: number): Promise<{ running: RunningTarget; checks: () => number; session: PosSession }> {
  let checks = 0;
  const running = await startReferenceTarget({
    liberties: { answerDelayMs: delayMs },
    rules: { checkTimestamp: (value, nowMs) => (++checks <= refusals ? reject.unauthorized('X-Timestamp is outside the 300 s window') : checkTimestamp(value, nowMs)) },
  });
  const env = envFor(referenceTarget(running.url, running.stateUrl, false), 'late-answer-test', 30_000);
  return { running, checks: () => checks, session: env.session as PosSession };
}

describe('a timestamp step answered too late to prove it', () => {
  it('is sent again when a case 297 s behind was refused after 2 s or more, and the answer in time stands', async () => {
    // Arrange: the first check refuses, and every answer takes 2.1 s (the slack of -297 s is 2 s)
    const { running, checks, session } = await targetRefusingFirst(1, 2100);
    try {
      // Act
      const answer = await charge.send({}, step(-297), session);
      // Assert: refused late, so sent again and accepted (late too, but as lateness would not have it)
      expect(answer.status).toBe(200);
      expect(checks()).toBe(2);
    } finally {
      await running.close();
    }
  });

  it('is not sent again when the answer came in time, or when lateness cannot explain it', async () => {
    // Arrange
    const quick = await targetRefusingFirst(1, 0);
    try {
      // Act: refused at once (-297), and refused as a case 303 s behind would be however late
      const inTime = await charge.send({}, step(-297), quick.session);
      const away = await charge.send({}, step(-303), quick.session);
      // Assert
      expect([inTime.status, away.status]).toEqual([401, 401]);
      expect(quick.checks()).toBe(2);
    } finally {
      await quick.running.close();
    }
  });
});
