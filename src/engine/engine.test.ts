/**
 * The engine's early stop (--bail, --max-failures N): the checks after the N-th failure are not
 * started and are reported not run, with the reason; a failure the baseline expects does not count.
 * The checks are stand-ins that answer at once; the target is the embedded reference target.
 */
import type { Check } from '../checks/check';
import type { CheckResult } from '../core/types';
import { NOT_RUN } from '../core/failure-words';
import { newRunOptions } from '../run/context';
import { startEmbedded } from '../run/resolve-target';
import { runEngine, stoppedEarly } from './engine';

function stand(id: string, status: 'passed' | 'failed' | 'warning'): Check {
  const level = status === 'warning' ? ('SHOULD' as const) : ('MUST' as const);
  const info = { id, title: id, level, ref: { clause: 'x' } as never, tags: ['t'], needs: [] };
  const result: CheckResult = status === 'passed' ? { check: info, status, durationMs: 1 } : { check: info, status, durationMs: 1, failure: { checkId: id, title: id, level, message: 'wrong' } };
  return { info, profile: 'viopay-pos', file: 'x', run: async () => result };
}

async function run(checks: Check[], maxFailures?: { count: number; option: string }, baseline?: string[], strict = false) {
  const { target, running } = await startEmbedded();
  try {
    const options = newRunOptions({ reportsDir: '/nonexistent-unused', strict });
    if (baseline) options.baseline = { file: 'b.yaml', entries: baseline.map((check) => ({ check, reason: 'known' })) };
    return (await runEngine({ ctx: { target, options }, checks, reporters: [], concurrency: 1, suiteHash: 'x', ...(maxFailures && { maxFailures }) })).report;
  } finally {
    await running.close();
  }
}

const notRunIds = (checks: readonly CheckResult[]) => checks.filter((c) => c.failure?.message.startsWith(NOT_RUN)).map((c) => c.check.id);

describe('engine: --bail and --max-failures', () => {
  const checks = [stand('a', 'passed'), stand('b', 'failed'), stand('c', 'passed'), stand('d', 'failed'), stand('e', 'passed')];

  it('--bail: after the first failed check the rest are not run, each saying why', async () => {
    const report = await run(checks, { count: 1, option: '--bail' });
    expect(notRunIds(report.checks)).toEqual(['c', 'd', 'e']);
    expect(report.checks.find((c) => c.check.id === 'c')!.failure!.message).toBe(`${NOT_RUN}${stoppedEarly({ count: 1, option: '--bail' })}`);
    expect(report.verdict).toBe('not certified');
  });

  it('--max-failures 2 runs on until the second failure', async () => {
    const report = await run(checks, { count: 2, option: '--max-failures 2' });
    expect(notRunIds(report.checks)).toEqual(['e']);
    expect(report.checks.find((c) => c.check.id === 'e')!.failure!.message).toContain('after 2 failed checks (--max-failures 2)');
  });

  it('without a limit every check runs', async () => {
    const report = await run(checks);
    expect(notRunIds(report.checks)).toEqual([]);
    expect(report.counts.total).toBe(5);
  });

  it('a warning stops the run only under --strict, where it fails the run', async () => {
    const warned = [stand('a', 'warning'), stand('b', 'passed'), stand('c', 'passed')];
    expect(notRunIds((await run(warned, { count: 1, option: '--bail' })).checks)).toEqual([]);
    expect(notRunIds((await run(warned, { count: 1, option: '--bail' }, undefined, true)).checks)).toEqual(['b', 'c']);
  });

  it('a failure the baseline expects does not stop the run', async () => {
    const report = await run(checks, { count: 1, option: '--bail' }, ['b']);
    expect(notRunIds(report.checks)).toEqual(['e']);
  });
});

describe('engine: the contract checks', () => {
  it('wait for their verification outside the pool: the other checks run meanwhile, even one at a time', async () => {
    // Arrange: a pact check that waits until a plain check has run (in the pool, with concurrency 1, it would wait forever)
    let plainRan!: () => void;
    const gate = new Promise<void>((resolve) => (plainRan = resolve));
    const info = (id: string, tags: string[]) => ({ id, title: id, level: 'MUST' as const, ref: { clause: 'x' } as never, tags, needs: [] });
    const pact: Check = { info: info('pact.x', ['pact']), profile: 'viopay-pos', file: 'x', run: async () => (await gate, { check: info('pact.x', ['pact']), status: 'passed', durationMs: 1 }) };
    const plain: Check = { info: info('a', ['t']), profile: 'viopay-pos', file: 'x', run: async () => (plainRan(), { check: info('a', ['t']), status: 'passed', durationMs: 1 }) };

    // Act
    const report = await run([pact, plain]);

    // Assert
    expect(report.checks.map((c) => `${c.check.id} ${c.status}`).sort()).toEqual(['a passed', 'pact.x passed']);
  });
});
