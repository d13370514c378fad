// Plain JavaScript, not TypeScript: a .ts config makes every jest start (npm test, the nested jest
// runs of the tests, `paycert pact generate`) load ts-node and the TypeScript compiler first, about
// 2 CPU-seconds each (measured). The JSDoc types are for editors; tsc does not read this file.
/**
 * Two projects:
 * - `unit`: the harness's own tests (`x.test.ts` beside the code and in the conformance folders);
 * - `conformance`: the certification itself. Each `specs/<profile>/*.spec.yaml` is a test file (a small
 *   transform turns it into one jest test per scenario), run against the target that
 *   `paycert run` resolved, or, under plain jest, PAYCERT_CONFIG / PAYCERT_TARGET / the embedded
 *   reference target (see src/jest/global-setup.ts). `--shard` splits it by spec file.
 * TypeScript goes through @swc/jest (no type checking here: `npm run typecheck` does that).
 */
/** @type {[string, Record<string, unknown>]} */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

// Each module compiled once per worker instead of once per test file (scripts/jest-runtime.js).
const COMPILE_ONCE = '<rootDir>/scripts/jest-runtime.js';

// Nothing phones home: the Pact core's usage events stay off in every worker (they inherit this).
process.env.PACT_DO_NOT_TRACK ??= 'true';

/** @type {import('jest').Config} */
const config = {
  testTimeout: 120_000,
  // jest's default is cores - 1, one worker on a 2-core machine. A third of a test file's time is
  // spent waiting (on sockets, child processes, Chromium, a nonce replayed seconds later), so
  // three workers keep 2 cores busier than two (measured on 2 cores: npm test 144 s -> 134 s).
  maxWorkers: 3,
  // The longest files first, also on a fresh clone where jest has no timings yet (scripts/jest-sequencer.js).
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js', '<rootDir>/scripts/jest-paycert-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      runtime: COMPILE_ONCE,
      roots: ['<rootDir>/src', '<rootDir>/vectors', '<rootDir>/properties', '<rootDir>/probes', '<rootDir>/contracts', '<rootDir>/specs'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
    {
      displayName: 'conformance',
      testEnvironment: 'node',
      runtime: COMPILE_ONCE,
      roots: ['<rootDir>/specs', '<rootDir>/probes', '<rootDir>/properties', '<rootDir>/contracts'],
      testMatch: ['**/*.spec.yaml', '**/*.probe.ts', '**/*.property.ts', '**/contracts/*.contract.ts'],
      transform: { '^.+\\.ts$': swc, '^.+\\.ya?ml$': '<rootDir>/scripts/jest-spec-transform.js' },
      moduleFileExtensions: ['ts', 'js', 'json', 'yaml'],
      globalSetup: '<rootDir>/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/src/jest/global-teardown.ts',
    },
  ],
};

module.exports = config;
