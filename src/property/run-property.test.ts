import fc from 'fast-check';
import { TransportError } from '../client/transport';
import type { CheckInfo } from '../core/types';
import type { ScenarioEnv } from '../scenario/run-scenario';
import { runProperty } from './run-property';
import type { PropertyDefinition } from './types';

const INFO: CheckInfo = { id: 'prop.test', title: 't', level: 'MUST', ref: { seed: 's', clause: 'c' }, tags: [], needs: [] };
const ENV = {} as ScenarioEnv;

/** A property over integers from 0 to 1000 whose check is `check`, counting its calls. */
function property(check: (n: number) => Promise<null | { message: string }>): { def: PropertyDefinition<number>; calls: () => number } {
  let calls = 0;
  const def: PropertyDefinition<number> = {
    id: INFO.id,
    title: INFO.title,
    level: 'MUST',
    clause: 'c',
    tags: [],
    kind: 'target',
    runs: 50,
    arbitrary: () => fc.integer({ min: 0, max: 1000 }),
    check: (n) => {
      calls++;
      return check(n);
    },
  };
  return { def, calls: () => calls };
}

describe('runProperty', () => {
  it('shrinks a failing case to the smallest that fails, and confirms it', async () => {
    // Arrange
    const { def } = property(async (n) => (n >= 10 ? { message: `too big: ${n}` } : null));
    // Act
    const result = await runProperty(def, INFO, ENV, { seed: 42 });
    // Assert
    expect(result.status).toBe('failed');
    expect(result.failure?.message).toMatch(/^too big: 10 \(after \d+ cases, [1-9]\d* shrinks\)$/);
  });

  it('does not shrink a case the target did not answer: one more try confirms it, no timeout is waited out per shrink', async () => {
    // Arrange
    const { def, calls } = property(async (n) => {
      if (n >= 10) throw new TransportError('timeout', 'no whole answer in 1 s');
      return null;
    });
    // Act
    const result = await runProperty(def, INFO, ENV, { seed: 42 });
    // Assert
    expect(result.status).toBe('failed');
    expect(result.failure?.message).toMatch(/^no answer from the target: no whole answer in 1 s \(after \d+ cases, \d+ shrinks\)$/);
    // The cases before the first unanswered one, that one, and its confirmation: nothing for the shrinker.
    const firstUnanswered = fc.sample(fc.integer({ min: 0, max: 1000 }), { seed: 42, numRuns: 50 }).findIndex((n) => n >= 10) + 1;
    expect(calls()).toBe(firstUnanswered + 1);
  });
});

describe('runProperty with cases that have no prototype', () => {
  it('reports a failing case made by fast-check without a prototype (String() throws on it)', async () => {
    // Arrange
    const bare = Object.assign(Object.create(null) as Record<string, number>, { n: 12 });
    const def: PropertyDefinition<Record<string, number>> = {
      id: INFO.id,
      title: INFO.title,
      level: 'MUST',
      clause: 'c',
      tags: [],
      kind: 'target',
      runs: 5,
      arbitrary: () => fc.constant(bare),
      check: async () => {
        throw new TransportError('timeout', 'no whole answer in 1 s');
      },
    };
    // Act
    const result = await runProperty(def, INFO, ENV, { seed: 1 });
    // Assert
    expect(result.status).toBe('failed');
    expect(result.failure?.message).toMatch(/^no answer from the target/);
    expect(result.failure?.step).toContain('"n":12');
  });
});
