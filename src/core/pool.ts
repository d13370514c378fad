/** Running async work with bounded concurrency. */

/**
 * Runs `work` on every item, at most `width` at once, and returns the results in the items' order.
 * A rejection rejects the whole (the other workers finish their current item).
 */
export async function pool<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(width, items.length)) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}
