/**
 * issue 5: the local properties hold; the target properties hold against the reference target;
 * and against the reference target with one rule broken for each family (a wider timestamp window,
 * no replay store, a response IV that never changes, a refund total checked without a lock) the
 * matching property fails with a counterexample that replays: the seed and path it reports make
 * the same case fail again.
 */
import type { Check } from '../src/checks/check';
import type { CheckResult } from '../src/core/types';
import { referenceTarget } from '../src/run/resolve-target';
import { envFor } from '../src/scenario/env';
import type { ScenarioEnv } from '../src/scenario/run-scenario';
import { startReferenceTarget, type TargetOptionsInput } from '../src/profiles/viopay-pos/target';
import { FAULTS } from '../src/profiles/viopay-pos/target/variants';
import { propertyChecks } from './index';

const checks = propertyChecks();
const byId = (id: string) => checks.find((c) => c.info.id === id)!;

async function withTarget<T>(options: TargetOptionsInput, work: (env: ScenarioEnv) => Promise<T>): Promise<T> {
  const running = await startReferenceTarget(options);
  try {
    const target = referenceTarget(running.url, running.stateUrl, true);
    return await work(envFor(target, `props-${running.port}`, 5000));
  } finally {
    await running.close();
  }
}

const summary = (r: CheckResult) => `${r.check.id}: ${r.status} ${r.failure ? `${r.failure.message} [${r.failure.step}]` : ''}`;

describe('local properties (the harness\'s own crypto)', () => {
  it.each(checks.filter((c) => c.info.tags.includes('local')).map((c) => [c.info.id, c] as const))('%s holds', async (_id, check) => {
    const result = await check.run({} as ScenarioEnv, {});
    expect(summary(result)).toBe(`${check.info.id}: passed `);
  });
});

describe('target properties against the reference target', () => {
  it('every one holds', async () => {
    const results = await withTarget({}, async (env) => {
      const out: CheckResult[] = [];
      for (const check of checks.filter((c) => c.info.tags.includes('target'))) out.push(await check.run(env, {}));
      return out;
    });
    expect(results.length).toBeGreaterThanOrEqual(9);
    expect(results.filter((r) => r.status !== 'passed').map(summary)).toEqual([]);
  });
});

describe.each([
  ['timestamp-window-600', 'prop.timestamp.outside-refused', 'failed'],
  ['nonce-replay-unchecked', 'prop.nonce.replay-refused', 'failed'],
  ['response-iv-fixed', 'prop.envelope.fresh-iv', 'warning'],
  ['refund-total-unlocked', 'prop.refund.concurrent-total', 'failed'],
] as const)('fault %s', (faultName, propertyId, status) => {
  it(`makes ${propertyId} report a ${status}, and its reported seed and path replay the same case`, async () => {
    const check: Check = byId(propertyId);
    const rules = FAULTS.get(faultName)!.rules;
    await withTarget({ rules }, async (env) => {
      const first = await check.run(env, {});
      expect(first.status).toBe(status);
      const replay = first.failure!.replay!;
      expect(replay.command).toMatch(new RegExp(`^paycert run --check ${propertyId} --seed=-?\\d+ --path=[\\d:]+`));
      const again = await check.run(env, { seed: replay.seed!, ...(replay.path && { path: replay.path }) });
      expect(again.status).toBe(status);
      expect(again.failure!.step).toBe(first.failure!.step);
    });
  });
});

describe('model-based replay', () => {
  it('a failing command sequence replays with its seed, path and replay path', async () => {
    const check = byId('prop.amounts.model');
    // A fault every sequence with a charge and a repeat shows, so the first run surely fails.
    const rules = FAULTS.get('idempotency-ignored')!.rules;
    await withTarget({ rules }, async (env) => {
      const first = await check.run(env, { runs: 60 });
      expect(first.status).toBe('failed');
      const command = first.failure!.replay!.command!;
      const replayPath = /--replay-path=(\S+)/.exec(command)?.[1];
      expect(replayPath).toBeDefined();
      const again = await check.run(env, { seed: first.failure!.replay!.seed!, path: first.failure!.replay!.path!, replayPath: replayPath! });
      expect(again.status).toBe('failed');
      expect(again.failure!.step).toBe(first.failure!.step);
    });
  });
});
