/**
 * The VPWS scenarios of specs/ against the VPWS reference target, without the selftest's
 * machinery: every scenario passes. The legal variations (no false alarm) and the faults (each
 * caught by the checks its catalogue entry names) are the selftest's, with every check
 * (src/selftest/selftest.test.ts); they were also run here, scenarios only, for the same verdicts.
 */
import { join } from 'node:path';
import type { CheckResult } from '../../../core/types';
import { referenceTarget } from '../../../run/resolve-target';
import { envFor } from '../../../scenario/env';
import { loadScenarios, specFiles } from '../../../scenario/load';
import { runScenarios } from '../../../scenario/run-all';
import { startVpwsTarget } from './server';

const scenarios = loadScenarios(specFiles([join(__dirname, '..', '..', '..', '..', 'specs')])).filter((s) => s.profile === 'vpws');

/** One line per result that did not pass, readable in a failed assertion. */
const notPassed = (results: readonly CheckResult[]) =>
  results.filter((r) => r.status !== 'passed').map((r) => `${r.status} ${r.check.id}: ${r.failure?.message ?? r.skipReason ?? ''}${r.failure?.step ? ` [${r.failure.step}]` : ''}`);

describe('the VPWS scenarios of specs/', () => {
  it('every one passes against the VPWS reference target', async () => {
    // Arrange
    const running = await startVpwsTarget({ gatewayLatencyMs: 1 });
    let results: CheckResult[];
    try {
      // Act
      results = await runScenarios(scenarios, envFor(referenceTarget(running.url, running.stateUrl, true, 'vpws'), `vpws-specs-${Date.now()}`, 5000));
    } finally {
      await running.close();
    }
    // Assert
    expect(results.length).toBe(scenarios.length);
    expect(notPassed(results)).toEqual([]);
  });
});
