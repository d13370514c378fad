/** judgedInTime (support.ts): an answer against a timestamp case counts only if it came in time to prove it. */
import type { Answer } from '../src/client/pos-client';
import { judgedInTime, TIMELY_TRIES } from './support';

const answer = (status: number) => ({ status }) as Answer;
const failure = { message: 'answered 200, expected 401', expected: 401, actual: 200 };
const judge = (a: Answer) => (a.status === 401 ? null : failure);

/** A send answering `statuses` in turn, each `tookMs` on a fake clock. */
function fakeSends(statuses: number[], tookMs: number) {
  let now = 0;
  let sent = 0;
  return {
    clock: () => now,
    send: async () => {
      now += tookMs;
      return answer(statuses[sent++] ?? statuses[statuses.length - 1]!);
    },
    sends: () => sent,
  };
}

describe('judgedInTime', () => {
  it('holds a wrong answer that came in time against the target, at once', async () => {
    // Arrange: 303 s ahead (2 s of slack), an answer in 1.5 s
    const fake = fakeSends([200], 1500);
    // Act
    const verdict = await judgedInTime(fake.send, 303, judge, fake.clock);
    // Assert
    expect(verdict).toBe(failure);
    expect(fake.sends()).toBe(1);
  });

  it('sends again a case whose wrong answer came too late, and judges the first that came in time', async () => {
    // Arrange: late wrong answers (2.5 s; 303 s ahead leaves 3 s less 1 s of clock error), then one in time
    let calls = 0;
    let now = 0;
    const send = async () => {
      calls++;
      now += calls < 3 ? 2500 : 100;
      return answer(200);
    };
    // Act
    const verdict = await judgedInTime(send, 303, judge, () => now);
    // Assert
    expect(verdict).toBe(failure);
    expect(calls).toBe(3);
  });

  it('does not hold against the target a case no answer came in time for', async () => {
    // Arrange
    const fake = fakeSends([200], 5000);
    // Act
    const verdict = await judgedInTime(fake.send, 303, judge, fake.clock);
    // Assert
    expect(verdict).toBeNull();
    expect(fake.sends()).toBe(TIMELY_TRIES);
  });

  it('judges at once a case lateness moves away from the edge, however late, and a right answer', async () => {
    // Arrange
    const away = fakeSends([200], 60_000);
    const right = fakeSends([401], 60_000);
    // Act / Assert
    await expect(judgedInTime(away.send, -303, judge, away.clock)).resolves.toBe(failure);
    await expect(judgedInTime(right.send, 303, judge, right.clock)).resolves.toBeNull();
    expect([away.sends(), right.sends()]).toEqual([1, 1]);
  });
});
