import { pool } from './pool';

describe('pool', () => {
  it('keeps the order of the items and never runs more than width at once', async () => {
    // Arrange
    let running = 0;
    let most = 0;
    const work = async (n: number) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return n * 2;
    };
    // Act
    const results = await pool([1, 2, 3, 4, 5, 6, 7], 3, work);
    // Assert
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(most).toBe(3);
  });

  it('returns an empty list for no items', async () => {
    expect(await pool([], 4, async () => 1)).toEqual([]);
  });
});
