/**
 * Random bytes from the system's CSPRNG, drawn in blocks: a run makes a nonce, an IV and an id for
 * every request (tens of thousands in a selftest), and one `randomBytes` call costs about as much
 * as 2 KiB of randomness bought at once. The bytes are the same CSPRNG's; a block is used once.
 */
import { randomFillSync } from 'node:crypto';

const BLOCK_BYTES = 4096;
let block = Buffer.alloc(0);
let used = 0;

/** `count` fresh random bytes (a new buffer the caller owns). */
export function randomBytesFromPool(count: number): Buffer {
  if (count > BLOCK_BYTES / 4) return randomFillSync(Buffer.allocUnsafe(count));
  if (used + count > block.length) {
    block = randomFillSync(Buffer.allocUnsafe(BLOCK_BYTES));
    used = 0;
  }
  const out = Buffer.from(block.subarray(used, used + count));
  used += count;
  return out;
}
