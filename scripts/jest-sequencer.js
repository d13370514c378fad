/**
 * jest's test order: the files known to take longest first, then jest's own order. jest puts the
 * slowest files first by the durations it cached on the last run; on a fresh clone (every CI run)
 * it has none and orders by file size, so the selftest's two halves (4-line files, about 30 s
 * each) ran last and the suite ended in a long tail: 237 s instead of 140 s.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** The longest test files, longest first (as measured on 2 cores; bench/README.md). */
const LONGEST = [
  'src/selftest/selftest-part2.test.ts',
  'src/selftest/selftest.test.ts',
  'src/cli/hostile-targets.test.ts',
  'src/cli/cli.test.ts',
  'src/report/html-report-browser.test.ts',
  'src/cli/redaction.test.ts',
  'src/source/input-fuzz.test.ts',
  'specs/specs.test.ts',
  'src/profiles/vpws/target/variants.test.ts',
];

class LongestFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const rank = (test) => {
      const at = LONGEST.findIndex((name) => test.path.endsWith(`/${name}`));
      return at < 0 ? LONGEST.length : at;
    };
    // Array.prototype.sort is stable: the rest keep jest's order.
    return [...ordered].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = LongestFirst;
