/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

/**
 * Jest runs TypeScript through @swc/jest (no type checking: `npm run typecheck` does that).
 * Tests live beside the code (`src/**\/x.test.ts`) and in the conformance folders.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/vectors', '<rootDir>/properties', '<rootDir>/contracts', '<rootDir>/specs'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};

export default config;
