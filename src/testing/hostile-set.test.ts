/** The gzip bomb of the hostile set is real gzip: what it says it inflates to, checked by zlib. */
import { gunzipSync } from 'node:zlib';
import { BOMB_INFLATED_BYTES, gzipBomb, gzipOfZeros } from './hostile-set';

describe('gzipOfZeros', () => {
  it.each([1, 3])('inflates to exactly %i MiB of zeros, its CRC-32 and size checked by zlib', (mib) => {
    // Arrange / Act
    const inflated = gunzipSync(gzipOfZeros(mib));
    // Assert
    expect(inflated.length).toBe(mib * 1024 * 1024);
    expect(inflated.every((byte) => byte === 0)).toBe(true);
  });

  it('makes the bomb: about 1 MiB on the wire, whose trailer says 1 GiB inflated', async () => {
    // Arrange / Act
    const bomb = await gzipBomb();
    // Assert
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(bomb.readUInt32LE(bomb.length - 4)).toBe(BOMB_INFLATED_BYTES % 2 ** 32);
    expect(gunzipSync(bomb.subarray(0, 64 * 1024), { finishFlush: 2 /* Z_SYNC_FLUSH: a prefix */ }).length).toBeGreaterThan(32 * 1024 * 1024);
  });
});
