/**
 * The VPWS scenarios of specs/ against the VPWS reference target, its legal variations and its
 * faults, without the selftest's machinery: every scenario passes against the reference and every
 * variation (no false alarm), and every fault fails each check its catalogue entry names.
 */
import { join } from 'node:path';
import type { CheckResult } from '../../../core/types';
import { referenceTarget } from '../../../run/resolve-target';
import { envFor } from '../../../scenario/env';
import { loadScenarios, specFiles } from '../../../scenario/load';
import { runScenarios } from '../../../scenario/run-all';
import type { VpwsTargetOptionsInput } from './options';
import { startVpwsTarget } from './server';
import { VPWS_FAULTS, VPWS_VARIATIONS } from './variants';

const scenarios = loadScenarios(specFiles([join(__dirname, '..', '..', '..', '..', 'specs')])).filter((s) => s.profile === 'vpws');

async function certify(options: VpwsTargetOptionsInput, only?: readonly string[]): Promise<CheckResult[]> {
  const running = await startVpwsTarget({ gatewayLatencyMs: 1, ...options });
  try {
    const target = referenceTarget(running.url, running.stateUrl, true, 'vpws');
    const chosen = only ? scenarios.filter((s) => only.includes(s.id)) : scenarios;
    return await runScenarios(chosen, envFor(target, `vpws-specs-${Date.now()}`, 5000));
  } finally {
    await running.close();
  }
}

/** One line per result that did not pass, readable in a failed assertion. */
const notPassed = (results: readonly CheckResult[]) =>
  results.filter((r) => r.status !== 'passed').map((r) => `${r.status} ${r.check.id}: ${r.failure?.message ?? r.skipReason ?? ''}${r.failure?.step ? ` [${r.failure.step}]` : ''}`);

describe('the VPWS scenarios of specs/', () => {
  it('every one passes against the VPWS reference target', async () => {
    const results = await certify({});
    expect(results.length).toBe(scenarios.length);
    expect(notPassed(results)).toEqual([]);
  });

  it.each(VPWS_VARIATIONS.map((v) => [v.name, v] as const))('every one passes against the legal variation %s', async (_name, variation) => {
    expect(notPassed(await certify(variation.options))).toEqual([]);
  });

  it.each(VPWS_FAULTS.map((f) => [f.name, f] as const))('the fault %s fails every check its catalogue entry names', async (_name, fault) => {
    // Arrange
    const caughtBy = fault.caughtBy ?? [];
    // Act
    const results = await certify({ rules: fault.rules }, caughtBy);
    // Assert
    expect(caughtBy.length).toBeGreaterThan(0);
    expect(results.map((r) => r.check.id).sort()).toEqual([...caughtBy].sort());
    expect(results.filter((r) => r.status !== 'failed').map((r) => r.check.id)).toEqual([]);
  });
});
