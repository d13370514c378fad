import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeSalt, parseCache } from './parse-cache';
import { tempDir } from '../testing/temp-dir';

const cacheDir = () => tempDir('paycert-cache-');

describe('parseCache', () => {
  it('computes once per key and serves the stored result after', () => {
    // Arrange
    const cache = parseCache('test', cacheDir());
    let computed = 0;
    const compute = () => ({ n: ++computed, nested: [1, 'two'] });
    // Act
    const first = cache.get(['a', 'text'], compute);
    const second = cache.get(['a', 'text'], compute);
    const other = cache.get(['a', 'other text'], compute);
    // Assert
    expect(first).toEqual({ n: 1, nested: [1, 'two'] });
    expect(second).toEqual(first);
    expect(other.n).toBe(2);
    expect(computed).toBe(2);
  });

  it('never caches an error: the file is read again and fails again', () => {
    // Arrange
    const dir = cacheDir();
    const cache = parseCache('test', dir);
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('bad file');
    };
    // Act / Assert
    expect(() => cache.get(['bad'], failing)).toThrow('bad file');
    expect(() => cache.get(['bad'], failing)).toThrow('bad file');
    expect(calls).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('works without a writable directory (no cache, same results)', () => {
    // Arrange
    const file = join(cacheDir(), 'not-a-dir');
    writeFileSync(file, '');
    const cache = parseCache('test', join(file, 'cache'));
    let computed = 0;
    // Act
    cache.get(['k'], () => ++computed);
    cache.get(['k'], () => ++computed);
    // Assert
    expect(computed).toBe(2);
  });
});

describe('codeSalt', () => {
  it('changes when a source file changes and not otherwise', () => {
    // Arrange
    const dir = cacheDir();
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;');
    writeFileSync(join(dir, 'a.test.ts'), 'test');
    const before = codeSalt([dir]);
    // Act
    const again = codeSalt([dir]);
    writeFileSync(join(dir, 'a.test.ts'), 'test edited');
    const afterTestEdit = codeSalt([dir]);
    writeFileSync(join(dir, 'a.ts'), 'export const a = 2;');
    utimesSync(join(dir, 'a.ts'), new Date(), new Date(Date.now() + 5_000));
    const afterSourceEdit = codeSalt([dir]);
    // Assert
    expect(again).toBe(before);
    expect(afterTestEdit).toBe(before);
    expect(afterSourceEdit).not.toBe(before);
  });
});
