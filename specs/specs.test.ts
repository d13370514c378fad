/**
 * The scenarios of specs/ against the reference target: every one passes against the conformant
 * target, and the ones that need a state hook are skipped, with the reason, against a target
 * without one. The faulty variants and the legal variations are the selftest's
 * (src/selftest/selftest.test.ts).
 */
import { join } from 'node:path';
import type { CheckResult } from '../src/core/types';
import { runSpecsAgainstReference } from '../src/profiles/viopay-pos/testing/run-specs';

const SPECS = [join(__dirname)];

/** One line per result that is not `passed` (or not in `allowed`), readable in a failed assertion. */
function notPassed(results: readonly CheckResult[], allowed: ReadonlyArray<CheckResult['status']> = ['passed']): string[] {
  return results
    .filter((r) => !allowed.includes(r.status))
    .map((r) => `${r.status.toUpperCase()} ${r.check.id}: ${r.failure?.message ?? r.skipReason ?? ''}${r.failure?.step ? ` [${r.failure.step}]` : ''}`);
}


// Both runs at once: each ends with seconds of waiting (a nonce replayed 2.5 s later), which overlap.
let withHook: Promise<CheckResult[]>;
let withoutHook: Promise<CheckResult[]>;
beforeAll(() => {
  withHook = runSpecsAgainstReference(SPECS);
  withoutHook = runSpecsAgainstReference(SPECS, { stateHook: false });
  // Awaited by the tests; a rejection is theirs to report, not an unhandled one.
  withHook.catch(() => undefined);
  withoutHook.catch(() => undefined);
});

describe('specs/ against the reference target', () => {
  it('every scenario passes against the conformant reference target', async () => {
    const results = await withHook;
    expect(results.length).toBeGreaterThan(100);
    expect(notPassed(results)).toEqual([]);
  });
});

describe('needs a target does not provide', () => {
  it('without a state hook, the checks that need one are skipped with the reason, and nothing fails', async () => {
    const results = await withoutHook;
    const skipped = results.filter((r) => r.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(5);
    expect(skipped.every((r) => r.check.needs.includes('state_hook'))).toBe(true);
    expect(new Set(skipped.map((r) => r.skipReason))).toEqual(new Set(['needs a state hook: set state_url in the target config (PROFILE section 4)']));
    expect(notPassed(results, ['passed', 'skipped'])).toEqual([]);
  });
});
