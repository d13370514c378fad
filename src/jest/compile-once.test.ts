/** scripts/jest-runtime.js: each module compiled once per worker, still run afresh in each test file's context. */
import { createContext } from 'node:vm';

interface FakeExecutor {
  environment: { getVmContext(): object | null };
  injectedModuleParameters: string[];
  dynamicImport(): Promise<unknown>;
  compile(source: string, filename: string): ((...args: unknown[]) => unknown) | null;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installCompileOnce, compilations } = require('../../scripts/jest-runtime.js') as { installCompileOnce(executor: unknown): boolean; compilations(): number };

/** An executor shaped like jest-runtime's, whose own compile counts its calls. */
function fakeExecutor(): FakeExecutor & { jestCompiles: number; context: object } {
  const executor = {
    jestCompiles: 0,
    context: createContext({}),
    environment: { getVmContext: () => executor.context },
    injectedModuleParameters: ['module', 'exports'],
    dynamicImport: () => Promise.resolve({}),
    compile(): null {
      executor.jestCompiles += 1;
      return null;
    },
  };
  return executor;
}

/** Runs a compiled module function as jest does, returning its exports. */
function load(fn: ((...args: unknown[]) => unknown) | null): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  fn!.call(module.exports, module, module.exports);
  return module.exports;
}

const COUNTER = 'let n = 0; exports.next = () => ++n; exports.realm = typeof globalThis.marker;';

describe('compile once per worker', () => {
  it('gives each test file a fresh module in its own context, from one compilation', () => {
    // Arrange
    const executor = fakeExecutor();
    installCompileOnce(executor);
    const file = `/virtual/counter-${Math.random()}.js`;
    const before = compilations();
    // Act: the same module in two test files' contexts
    const first = load(executor.compile(COUNTER, file));
    (first.next as () => number)();
    executor.context = createContext({ marker: 1 });
    const second = load(executor.compile(COUNTER, file));
    // Assert: its state starts again, in the second context; jest's own compile never ran
    expect((first.next as () => number)()).toBe(2);
    expect((second.next as () => number)()).toBe(1);
    expect([first.realm, second.realm]).toEqual(['undefined', 'number']);
    expect(executor.jestCompiles).toBe(0);
    expect(compilations() - before).toBe(1);
  });

  it('compiles a file again when its source changed', () => {
    // Arrange
    const executor = fakeExecutor();
    installCompileOnce(executor);
    const file = `/virtual/changed-${Math.random()}.js`;
    const compiledBefore = compilations();
    // Act
    const before = load(executor.compile('exports.v = 1;', file));
    const after = load(executor.compile('exports.v = 2;', file));
    // Assert
    expect([before.v, after.v]).toEqual([1, 2]);
    expect(compilations() - compiledBefore).toBe(2);
  });

  it("leaves a source it cannot compile to jest's own compile, which reports it", () => {
    // Arrange
    const executor = fakeExecutor();
    installCompileOnce(executor);
    // Act
    const result = executor.compile('#!/usr/bin/env node\nexports.v = (;', `/virtual/bad-${Math.random()}.js`);
    // Assert
    expect(result).toBeNull();
    expect(executor.jestCompiles).toBe(1);
  });

  it('changes nothing on an executor it does not know', () => {
    // Arrange
    const executor = { compile: () => null };
    // Act
    const installed = installCompileOnce(executor);
    // Assert
    expect(installed).toBe(false);
  });
});

describe('the jest config', () => {
  it('runs both projects with the compile-once runtime', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../jest.config.js') as { projects: Array<{ displayName: string; runtime?: string }> };
    expect(config.projects.map((p) => [p.displayName, p.runtime])).toEqual([
      ['unit', '<rootDir>/scripts/jest-runtime.js'],
      ['conformance', '<rootDir>/scripts/jest-runtime.js'],
    ]);
  });
});
