import { cameTooLate, lateSlackSeconds } from './late-answer';

describe('lateSlackSeconds and cameTooLate', () => {
  it('gives a case ahead and outside, or behind and inside, its distance from the edge less 1 s of clock error', () => {
    // Act / Assert
    expect(lateSlackSeconds(303)).toBe(2);
    expect(lateSlackSeconds(-297)).toBe(2);
    expect(lateSlackSeconds(3600)).toBe(3299);
  });

  it('gives no limit where lateness only takes the case away from the edge, or there is no skew', () => {
    // Act / Assert
    expect([lateSlackSeconds(-303), lateSlackSeconds(297), lateSlackSeconds(0), lateSlackSeconds(undefined)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('calls an answer too late once it took the slack or more', () => {
    // Act / Assert
    expect([cameTooLate(303, 1999), cameTooLate(303, 2000), cameTooLate(-297, 2500), cameTooLate(-303, 60_000)]).toEqual([false, true, true, false]);
  });
});
