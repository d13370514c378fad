/**
 * What a run says about itself, and the report it ends with: the same for a run of the in-process
 * engine (`paycert run`) and a run under plain jest (src/jest/reporter.ts).
 */
import { targetIdentity } from '../config/resolved';
import type { CheckResult, RunFilters, RunInfo, RunReport } from '../core/types';
import { countResults, isPartial, verdictOf } from '../core/verdict';
import { allProfiles } from '../profiles';
import { buildCoverage } from '../report/coverage';
import type { RunContext } from '../run/context';
import { harnessVersion } from '../run/version';

/** The run's opening facts: target, profile, versions, filters (a shard `I/N` among them), identity, suite. */
export function runInfoOf(ctx: RunContext, suiteHash: string, shard?: string): RunInfo {
  const { options } = ctx;
  const filters: RunFilters = {
    ...(options.tags.length > 0 && { tags: options.tags }),
    ...(options.excludeTags?.length && { excludeTags: options.excludeTags }),
    ...(options.checks.length > 0 && { checks: options.checks }),
    ...(shard && { shard }),
    ...(options.noBuiltin && { noBuiltin: true }),
  };
  return {
    target: { baseUrl: ctx.target.baseUrl, embedded: ctx.target.embedded },
    profile: ctx.target.profile,
    harnessVersion: harnessVersion(),
    startedAt: options.startedAt,
    strict: options.strict,
    ...(isPartial(filters) && { filters }),
    identity: targetIdentity(ctx.target),
    suiteHash,
    ...(options.baseline && { baseline: { file: options.baseline.file, entries: options.baseline.entries.length } }),
  };
}

/** The clauses a run of `profile` certifies (a name no profile has, as a hand-made report may give: the default profile's). */
function certifiedClausesOf(profile: string) {
  const profiles = allProfiles();
  return (profiles.find((p) => p.name === profile) ?? profiles[0]!).certifiedClauses;
}

/** The run's report from its results: counts, the verdict rule, the coverage table of its profile. */
export function assembleReport(info: RunInfo, results: readonly CheckResult[], strict: boolean): RunReport {
  const checks = [...results];
  const counts = countResults(checks);
  return {
    ...info,
    endedAt: new Date().toISOString(),
    counts,
    verdict: verdictOf(counts, strict, info.filters),
    checks,
    coverage: buildCoverage(certifiedClausesOf(info.profile), checks.map((c) => c.check)),
  };
}
