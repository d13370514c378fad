/**
 * `paycert selftest`: certify every fault and every legal variation of the reference target,
 * each on its own ephemeral port, several at a time, and judge the harness by the results.
 */
import type { CheckResult } from '../core/types';
import { pool } from '../core/pool';
import { countResults, verdictOf } from '../core/verdict';
import type { ResolvedTarget } from '../config/resolved';
import { allProfiles, type Profile } from '../profiles';
import type { CatalogueFault, CatalogueVariation, ReferenceStartOptions } from '../profiles/target-side';
import { envFor } from '../scenario/env';
import type { Check } from '../checks/check';
import type { FaultOutcome, SelftestReport, VariationOutcome } from './types';

export interface SelftestOptions {
  /** How many targets are certified at once (default 6). */
  jobs?: number;
  /** Only these variant names (default: the whole catalogue). */
  only?: readonly string[];
  /** Only every `of`-th variant from `index` (0-based): the tests split the catalogue over jest's two workers. */
  part?: { index: number; of: number };
  /**
   * Stop certifying a MUST fault once it is caught: the checks the catalogue names run first, then
   * the rest until a MUST check fails. Same judgement, less work; the matrix then lists only the
   * checks that ran (paycert selftest itself runs everything, for the full matrix).
   */
  fast?: boolean;
  /** Called as each variant's outcome is known (progress). */
  onOutcome?: (outcome: FaultOutcome | VariationOutcome, kind: 'fault' | 'variation') => void;
}

/** Cases per property when certifying a variation: enough to show a false alarm, cheap enough for 16 variations. */
export const SELFTEST_PROPERTY_RUNS = 5;

/** A variant to certify: which profile's checks, and how to start its target. */
interface Subject {
  profile: Check['profile'];
  start(): Promise<{ target: ResolvedTarget; close(): Promise<void> }>;
}

/** A variant of a profile's reference target: its fault or variations (a target whose requests are signed with a key trusts one made for this start, so the checks that need it run). */
const subjectOf = (profile: Profile, options: ReferenceStartOptions): Subject => ({
  profile: profile.name,
  start: async () => {
    const running = await profile.target.start(options);
    return { target: running.target, close: () => running.close() };
  },
});

/**
 * How long a check waits for a reference target's answer. No fault of the catalogue is caught by a
 * timeout, and on a busy machine (a loaded CI runner, 6 targets with 32 checks each in one process)
 * a localhost answer can take longer than a run's 10 s: slow is not wrong here.
 */
const SELFTEST_ANSWER_WAIT_MS = 60_000;

/** Checks run at once against one variant: checks are independent, and a slow variant (200 ms an answer) stays quick. */
const CHECKS_AT_ONCE = 32;

/**
 * Certifies one variant with the checks of its profile, several at a time; the target is closed
 * before this returns. With `until`, the checks it names run first and no new check starts once
 * `until` says so.
 */
async function certify(checks: readonly Check[], subject: Subject, until?: { first: readonly string[]; done: (results: CheckResult[]) => boolean }): Promise<CheckResult[]> {
  const { target, close } = await subject.start();
  try {
    const env = envFor(target, `selftest-${target.baseUrl}`, SELFTEST_ANSWER_WAIT_MS);
    const results: CheckResult[] = [];
    const mine = checks.filter((c) => c.profile === subject.profile);
    const first = until ? mine.filter((c) => until.first.includes(c.info.id)) : [];
    const rest = mine.filter((c) => !first.includes(c));
    if (first.length) {
      for (const check of first) results.push(await check.run(env, { runs: SELFTEST_PROPERTY_RUNS }));
      if (until?.done(results)) return results;
    }
    await pool(rest, CHECKS_AT_ONCE, async (check) => {
      if (until?.done(results)) return;
      results.push(await check.run(env, { runs: SELFTEST_PROPERTY_RUNS }));
    });
    return results;
  } finally {
    await close();
  }
}

const isProperty = (check: Check) => check.info.tags.includes('property');
/** A local property tests the harness's own crypto: the same on every variant, so run once by the tests, not per variant. */
const isLocal = (check: Check) => check.info.tags.includes('local');

const ids = (results: readonly CheckResult[], status: CheckResult['status']) => results.filter((r) => r.status === status).map((r) => r.check.id);

export function judgeFault(fault: CatalogueFault, results: readonly CheckResult[]): FaultOutcome {
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

export function judgeVariation(variation: CatalogueVariation, results: readonly CheckResult[]): VariationOutcome {
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

/**
 * Faults are certified with the scenarios and probes, and the properties their catalogue names (a
 * fault they catch, the harness catches); legal variations with every check, properties included,
 * since a false alarm anywhere is a harness bug (local properties aside: they test the harness's
 * own crypto, the same whatever the target).
 */
export async function runSelftest(all: readonly Check[], options: SelftestOptions = {}): Promise<SelftestReport> {
  // The contract's checks repeat contract scenarios that are here already, and each would cost a Pact verification per variant.
  const checks = all.filter((c) => !c.info.tags.includes('pact') && !isLocal(c));
  // A fault certified with the scenarios and probes, and with the properties its catalogue names.
  const forFault = (caughtBy: readonly string[]) => checks.filter((c) => !isProperty(c) || caughtBy.includes(c.info.id));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  let position = 0;
  const inPart = () => (options.part ? position++ % options.part.of === options.part.index : true);
  const wanted = (name: string) => (!options.only?.length || options.only.includes(name)) && inPart();
  // Every profile's faults, then every profile's variations, in the registry's order; the names are those of `paycert serve --profile ... --fault NAME`.
  const faults: Array<{ fault: CatalogueFault; subject: Subject }> = allProfiles().flatMap((p) =>
    p.target.catalogue.faults.filter((f) => wanted(f.name)).map((f) => ({ fault: f, subject: subjectOf(p, { fault: f.name }) })),
  );
  const variations: Array<{ variation: CatalogueVariation; subject: Subject }> = allProfiles().flatMap((p) =>
    p.target.catalogue.variations.filter((v) => wanted(v.name)).map((v) => ({ variation: v, subject: subjectOf(p, { variations: [v.name] }) })),
  );
  type Task = { kind: 'fault'; fault: CatalogueFault; subject: Subject } | { kind: 'variation'; variation: CatalogueVariation; subject: Subject };
  const tasks: Task[] = [...faults.map((f) => ({ kind: 'fault' as const, ...f })), ...variations.map((v) => ({ kind: 'variation' as const, ...v }))];
  const outcomes = await pool(tasks, options.jobs ?? 6, async (task) => {
    if (task.kind === 'fault') {
      const caughtBy = task.fault.caughtBy ?? [];
      const until =
        options.fast && task.fault.level === 'MUST'
          ? { first: caughtBy, done: (r: CheckResult[]) => r.some((x) => x.status === 'failed') && caughtBy.every((id) => r.some((x) => x.check.id === id && x.status !== 'passed')) }
          : undefined;
      const outcome = judgeFault(task.fault, await certify(forFault(caughtBy), task.subject, until));
      options.onOutcome?.(outcome, 'fault');
      return outcome;
    }
    const outcome = judgeVariation(task.variation, await certify(checks, task.subject));
    options.onOutcome?.(outcome, 'variation');
    return outcome;
  });
  return selftestReport({
    startedAt,
    durationMs: performance.now() - started,
    checks: checks.length,
    faults: outcomes.slice(0, faults.length) as FaultOutcome[],
    variations: outcomes.slice(faults.length) as VariationOutcome[],
    mode: options.fast ? 'fast' : 'full',
  });
}

/** A selftest's report from its outcomes: the scores, and whether both are 100%. */
export function selftestReport(outcomes: Omit<SelftestReport, 'score' | 'passed'>): SelftestReport {
  const score = {
    faultsCaught: outcomes.faults.filter((f) => f.caught).length,
    faults: outcomes.faults.length,
    variationsPassed: outcomes.variations.filter((v) => v.passed).length,
    variations: outcomes.variations.length,
  };
  return { ...outcomes, score, passed: score.faultsCaught === score.faults && score.variationsPassed === score.variations };
}
