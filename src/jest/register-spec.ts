/**
 * Turns one spec file into jest tests (the YAML transform calls this): one `test` per scenario,
 * named `[id] title`. A MUST failure fails the test; a SHOULD failure is a warning that passes
 * unless the run is strict; a scenario whose needs the target lacks is registered skipped.
 * Every result is also written as a partial for paycert's reporters.
 */
import { formatFailure } from '../report/failure-format';
import { importRunContext } from '../run/context';
import { writePartial } from '../run/partials';
import { selectScenarios } from '../run/select';
import { checkInfoOf } from '../scenario/check-info';
import { clientFor } from '../scenario/client-for';
import { estimateClockOffset } from '../scenario/clock';
import { loadScenarioFile } from '../scenario/load';
import { missingNeed, runScenario, type ScenarioEnv } from '../scenario/run-scenario';

export function registerSpecFile(file: string): void {
  const ctx = importRunContext();
  if (!ctx) throw new Error('paycert: no run context; run through `paycert run` or the conformance project (its globalSetup sets it)');
  const { target, options } = ctx;
  const scenarios = selectScenarios(loadScenarioFile(file), options);
  const client = clientFor(target, { timeoutMs: options.timeoutMs });
  const env: ScenarioEnv = { client, target, runId: options.runId, timeoutMs: options.timeoutMs };

  beforeAll(async () => {
    // Timestamp scenarios are relative to the target's clock; an unreachable target fails each check instead.
    client.setClockOffset(await estimateClockOffset(client).catch(() => 0));
  });

  if (scenarios.length === 0) {
    // Skipped on purpose: --tag/--check selected nothing in this file, and jest refuses a test
    // file with no test at all. The title has no [id], so paycert's reports do not count it.
    const skipped = test.skip;
    skipped(`no scenario of ${file} is selected`, () => undefined);
    return;
  }
  for (const scenario of scenarios) {
    const title = `[${scenario.id}] ${scenario.title}`;
    const reason = missingNeed(scenario, target);
    if (reason) {
      // Skipped on purpose: the target lacks what the check needs; the reason goes in every report.
      writePartial(options, { check: checkInfoOf(scenario), status: 'skipped', durationMs: 0, skipReason: reason });
      const skipped = test.skip;
      skipped(title, () => undefined);
      continue;
    }
    test(title, async () => {
      const result = await runScenario(scenario, env);
      writePartial(options, result);
      if (result.failure && (result.status === 'failed' || options.strict)) {
        const error = new Error(`${result.failure.message}\n\n${formatFailure(result.failure)}`);
        error.stack = error.message;
        throw error;
      }
    });
  }
}
