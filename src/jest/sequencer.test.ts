/** scripts/jest-sequencer.js: the longest files first, then jest's own order, also with no cached timings. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LongestFirst = require('../../scripts/jest-sequencer.js') as new (options: { contexts: unknown[]; globalConfig: unknown }) => { sort(tests: Array<{ path: string; context: unknown }>): Array<{ path: string }> };

describe('the test order', () => {
  it('puts the selftest halves and the hostile targets before small files jest would run first', () => {
    // Arrange: jest's default order by size would put the 4-line selftest part last
    const context = { config: { cacheDirectory: '/nonexistent-paycert-jest-cache', id: 'x' }, hasteFS: { getSize: (path: string) => (path.includes('selftest-part2') ? 10 : 1000) } };
    const sequencer = new LongestFirst({ contexts: [context], globalConfig: {} });
    const tests = ['/r/src/core/a.test.ts', '/r/src/selftest/selftest-part2.test.ts', '/r/src/cli/hostile-targets.test.ts'].map((path) => ({ path, context }));
    // Act
    const order = sequencer.sort(tests).map((t) => t.path);
    // Assert
    expect(order).toEqual(['/r/src/selftest/selftest-part2.test.ts', '/r/src/cli/hostile-targets.test.ts', '/r/src/core/a.test.ts']);
  });
});
