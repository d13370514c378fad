/**
 * `paycert selftest`: certify every fault and every legal variation of the reference target,
 * each on its own ephemeral port, several at a time, and judge the harness by the results.
 */
import type { CheckResult } from '../core/types';
import { countResults, verdictOf } from '../core/verdict';
import { referenceTarget } from '../run/resolve-target';
import { clientFor } from '../scenario/client-for';
import type { Check } from '../checks/check';
import { startReferenceTarget, type TargetOptionsInput } from '../target';
import { FAULTS, LEGAL_VARIATIONS, type FaultVariant, type LegalVariation } from '../target/variants';
import type { FaultOutcome, SelftestReport, VariationOutcome } from './types';

export interface SelftestOptions {
  /** How many targets are certified at once (default 6). */
  jobs?: number;
  /** Only these variant names (default: the whole catalogue). */
  only?: readonly string[];
  /** Called as each variant's outcome is known (progress). */
  onOutcome?: (outcome: FaultOutcome | VariationOutcome, kind: 'fault' | 'variation') => void;
}

/** Cases per property when certifying a variation: enough to show a false alarm, cheap enough for 16 variations. */
export const SELFTEST_PROPERTY_RUNS = 5;

/** Certifies one variant of the reference target with these checks; the target is closed before this returns. */
async function certify(checks: readonly Check[], options: TargetOptionsInput, kcvMethod: 'cmac' | 'legacy' = 'cmac'): Promise<CheckResult[]> {
  const running = await startReferenceTarget(options);
  try {
    const target = { ...referenceTarget(running.url, running.stateUrl, true), kcvMethod };
    const env = { client: clientFor(target, { timeoutMs: 10_000 }), target, runId: `selftest-${running.port}`, timeoutMs: 10_000 };
    const results: CheckResult[] = [];
    for (const check of checks) results.push(await check.run(env, { runs: SELFTEST_PROPERTY_RUNS }));
    return results;
  } finally {
    await running.close();
  }
}

const isProperty = (check: Check) => check.info.tags.includes('property');

const ids = (results: readonly CheckResult[], status: CheckResult['status']) => results.filter((r) => r.status === status).map((r) => r.check.id);

export function judgeFault(fault: FaultVariant, results: readonly CheckResult[]): FaultOutcome {
  const failed = ids(results, 'failed');
  const warned = ids(results, 'warning');
  const counts = countResults(results);
  const hit = new Set([...failed, ...warned]);
  const missedBy = (fault.caughtBy ?? []).filter((id) => !hit.has(id));
  let why: string | undefined;
  if (fault.level === 'MUST' && verdictOf(counts, false) === 'certified') why = 'certified: no MUST check failed';
  if (fault.level === 'SHOULD' && failed.length > 0) why = `a SHOULD fault failed MUST checks: ${failed.join(', ')}`;
  if (fault.level === 'SHOULD' && warned.length === 0) why = 'no warning';
  if (fault.level === 'SHOULD' && verdictOf(counts, true) === 'certified') why ??= 'certified with --strict';
  if (!why && missedBy.length) why = `not caught by ${missedBy.join(', ')}, which the catalogue says catch it`;
  const outcome: FaultOutcome = { name: fault.name, title: fault.title, clause: fault.clause, level: fault.level, caught: why === undefined, failed, warned, missedBy };
  if (why) outcome.why = why;
  return outcome;
}

export function judgeVariation(variation: LegalVariation, results: readonly CheckResult[]): VariationOutcome {
  const bad = results.filter((r) => r.status === 'failed' || r.status === 'warning');
  return {
    name: variation.name,
    title: variation.title,
    clause: variation.clause,
    passed: bad.length === 0 && results.every((r) => r.status === 'passed'),
    failed: ids(results, 'failed'),
    warned: ids(results, 'warning'),
    messages: bad.slice(0, 5).map((r) => `${r.check.id}: ${r.failure?.message ?? ''}`),
  };
}

/** Runs tasks with at most `jobs` at once, keeping their order in the result. */
async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/**
 * Faults are certified with the scenarios (a fault they catch, the harness catches); legal
 * variations with every check, properties included, since a false alarm anywhere is a harness bug.
 */
export async function runSelftest(all: readonly Check[], options: SelftestOptions = {}): Promise<SelftestReport> {
  // The contract's checks repeat contract scenarios that are here already, and each would cost a Pact verification per variant.
  const checks = all.filter((c) => !c.info.tags.includes('pact'));
  const scenarios = checks.filter((c) => !isProperty(c));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const wanted = (name: string) => !options.only?.length || options.only.includes(name);
  const faults = [...FAULTS.values()].filter((f) => wanted(f.name));
  const variations = [...LEGAL_VARIATIONS.values()].filter((v) => wanted(v.name));
  type Task = { kind: 'fault'; fault: FaultVariant } | { kind: 'variation'; variation: LegalVariation };
  const tasks: Task[] = [...faults.map((fault) => ({ kind: 'fault' as const, fault })), ...variations.map((variation) => ({ kind: 'variation' as const, variation }))];
  const outcomes = await pool(tasks, options.jobs ?? 6, async (task) => {
    if (task.kind === 'fault') {
      const outcome = judgeFault(task.fault, await certify(scenarios, { rules: task.fault.rules }));
      options.onOutcome?.(outcome, 'fault');
      return outcome;
    }
    const outcome = judgeVariation(task.variation, await certify(checks, task.variation.options, task.variation.declares?.kcvMethod));
    options.onOutcome?.(outcome, 'variation');
    return outcome;
  });
  const faultOutcomes = outcomes.slice(0, faults.length) as FaultOutcome[];
  const variationOutcomes = outcomes.slice(faults.length) as VariationOutcome[];
  const score = {
    faultsCaught: faultOutcomes.filter((f) => f.caught).length,
    faults: faultOutcomes.length,
    variationsPassed: variationOutcomes.filter((v) => v.passed).length,
    variations: variationOutcomes.length,
  };
  return {
    startedAt,
    durationMs: performance.now() - started,
    checks: checks.length,
    faults: faultOutcomes,
    variations: variationOutcomes,
    score,
    passed: score.faultsCaught === score.faults && score.variationsPassed === score.variations,
  };
}
