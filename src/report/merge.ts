/**
 * `paycert merge DIR...`: the shards of one run, each with its own report.json, as one report.
 * Counts and verdict are recomputed with the core's own rules (core/verdict.ts), never summed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { inputFileProblem } from '../core/input-file';
import { join } from 'node:path';
import type { CheckResult, CheckStatus, CoverageRow, RunFilters, RunReport, RunTarget } from '../core/types';
import { countResults, isPartial, verdictOf } from '../core/verdict';
import { REPORT_FILE, REPORT_FORMAT } from './json-reporter';
import { byCodePoint } from './text';

/**
 * How bad a status is when shards disagree on a check. Failed beats everything (a failure in any
 * shard is a failure of the run); warning beats passed for the same reason at SHOULD level; and
 * passed beats skipped because a check that ran somewhere did run.
 */
const SEVERITY: Record<CheckStatus, number> = { failed: 3, warning: 2, passed: 1, skipped: 0 };

/** The earliest (`sign` 1) or latest (`sign` -1) of RFC 3339 times; unparsable ones lose. */
function extreme(times: readonly string[], sign: 1 | -1): string {
  // Compared as instants, not strings: shards may write different offsets or fractions.
  const key = (time: string) => {
    const ms = Date.parse(time);
    return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : sign * ms;
  };
  return times.reduce((best, time) => (key(time) < key(best) ? time : best));
}

/** A report's targets: its merged list, or its one target with the config fingerprint. */
function targetsOf(report: RunReport): RunTarget[] {
  if (report.targets?.length) return report.targets;
  const configHash = report.identity?.configHash;
  return [{ ...report.target, ...(configHash !== undefined && { configHash }) }];
}

/** Every shard's target, each once (same URL and fingerprint), in shard order. */
function mergeTargets(reports: readonly RunReport[]): RunTarget[] {
  const byKey = new Map<string, RunTarget>();
  for (const target of reports.flatMap(targetsOf)) {
    const key = `${target.baseUrl}\n${target.configHash ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, target);
  }
  return [...byKey.values()];
}

const SHARD = /^(\d+)\/(\d+)$/;

/** Shard labels in number order (`1/3` before `2/3` before `10/12`), unreadable ones last. */
function byShard(a: string, b: string): number {
  const [x, y] = [SHARD.exec(a), SHARD.exec(b)];
  if (!x || !y) return Number(!x) - Number(!y) || byCodePoint(a, b);
  return Number(x[2]) - Number(y[2]) || Number(x[1]) - Number(y[1]);
}

/**
 * The shard filter of the merged run: none when the shards together ran the whole suite (one of
 * them was not sharded, or every I/N for 1..N of one N is there), otherwise the shards present,
 * `1/3,3/3` (a merge of merges reads that list back).
 */
function mergeShards(reports: readonly RunReport[]): string | undefined {
  const filters = reports.map((r) => r.filters?.shard);
  if (filters.some((s) => s === undefined)) return undefined;
  const labels = [...new Set(filters.flatMap((s) => s!.split(',').map((l) => l.trim())))].sort(byShard);
  const counts = new Set(labels.map((l) => SHARD.exec(l)?.[2]));
  const [count] = [...counts];
  if (counts.size === 1 && count !== undefined) {
    const n = Number(count);
    if (Array.from({ length: n }, (_v, i) => `${i + 1}/${n}`).every((l) => labels.includes(l))) return undefined;
  }
  return labels.join(',');
}

/** The filters of the merged run: the union of the shards' tags, excluded tags and check ids, and the shards (see mergeShards). */
function mergeFilters(reports: readonly RunReport[]): RunFilters | undefined {
  const union = (pick: (f: RunFilters) => string[] | undefined) => [...new Set(reports.flatMap((r) => (r.filters ? (pick(r.filters) ?? []) : [])))];
  const tags = union((f) => f.tags);
  const excludeTags = union((f) => f.excludeTags);
  const checks = union((f) => f.checks);
  const shard = mergeShards(reports);
  const filters: RunFilters = {
    ...(tags.length > 0 && { tags }),
    ...(excludeTags.length > 0 && { excludeTags }),
    ...(checks.length > 0 && { checks }),
    ...(shard !== undefined && { shard }),
  };
  return isPartial(filters) ? filters : undefined;
}

function mergeChecks(reports: readonly RunReport[]): CheckResult[] {
  const byId = new Map<string, CheckResult>();
  for (const report of reports) {
    for (const result of report.checks) {
      const kept = byId.get(result.check.id);
      // A check id in several shards keeps its worst status (see SEVERITY); on a tie, the first.
      if (kept === undefined || SEVERITY[result.status] > SEVERITY[kept.status]) byId.set(result.check.id, result);
    }
  }
  // Map keeps first-insertion order, so checks stay in the order the shards first listed them.
  return [...byId.values()];
}

function mergeCoverage(reports: readonly RunReport[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const report of reports) {
    for (const row of report.coverage) {
      const kept = rows.get(row.clause);
      const checks = new Set([...(kept?.checks ?? []), ...row.checks]);
      rows.set(row.clause, { ...(kept ?? row), checks: [...checks].sort(byCodePoint) });
    }
  }
  return [...rows.values()];
}

/**
 * One report from the shards of one run: checks unioned (worst status wins for a repeated id),
 * counts and verdict recomputed (strict if any shard was), the earliest start and latest end,
 * every shard's target (`targets`; `target` is the first shard's), profile, harness version,
 * identity and baseline from the first shard, coverage rows with their check ids unioned, and the
 * filters merged: a merge of every shard of a sharded run is not PARTIAL for the sharding (see
 * mergeFilters). Throws when there are no shards, or when they disagree on the profile or the
 * suite (its content hash): those are not shards of one run.
 */
export function mergeReports(reports: RunReport[]): RunReport {
  const first = reports[0];
  if (first === undefined) throw new Error('paycert merge: no reports to merge');
  for (const [index, report] of reports.entries()) {
    if (report.profile !== first.profile) {
      throw new Error(`paycert merge: shard ${index + 1} used profile "${report.profile}", shard 1 "${first.profile}"; shards of one run share a profile`);
    }
    if (report.suiteHash !== undefined && first.suiteHash !== undefined && report.suiteHash !== first.suiteHash) {
      throw new Error(`paycert merge: shard ${index + 1} ran another suite than shard 1 (suite hash ${report.suiteHash.slice(0, 12)}, not ${first.suiteHash.slice(0, 12)}); shards of one run share a suite`);
    }
  }
  const checks = mergeChecks(reports);
  const strict = reports.some((r) => r.strict);
  const counts = countResults(checks);
  const filters = mergeFilters(reports);
  const targets = mergeTargets(reports);
  return {
    target: { ...first.target },
    ...(targets.length > 1 && { targets }),
    profile: first.profile,
    harnessVersion: first.harnessVersion,
    startedAt: extreme(reports.map((r) => r.startedAt), 1),
    strict,
    ...(filters && { filters }),
    ...(first.identity && { identity: first.identity }),
    ...(first.suiteHash !== undefined && { suiteHash: first.suiteHash }),
    ...(first.baseline && { baseline: first.baseline }),
    endedAt: extreme(reports.map((r) => r.endedAt), -1),
    counts,
    verdict: verdictOf(counts, strict, filters),
    checks,
    coverage: mergeCoverage(reports),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUSES = new Set<unknown>(['passed', 'failed', 'warning', 'skipped']);

/** What is wrong with a parsed report.json, or undefined when it has the shape merge relies on. */
function problemOf(value: unknown): string | undefined {
  if (!isRecord(value)) return 'it is not a JSON object';
  if (value.format !== REPORT_FORMAT) return `its "format" is ${JSON.stringify(value.format)}, not "${REPORT_FORMAT}"`;
  if (!isRecord(value.target) || typeof value.target.baseUrl !== 'string' || typeof value.target.embedded !== 'boolean') return '"target" is not { baseUrl, embedded }';
  for (const key of ['profile', 'harnessVersion', 'startedAt', 'endedAt'] as const) {
    if (typeof value[key] !== 'string') return `"${key}" is not a string`;
  }
  if (value.targets !== undefined && (!Array.isArray(value.targets) || !value.targets.every((t) => isRecord(t) && typeof t.baseUrl === 'string'))) return '"targets" is not a list of targets';
  if (typeof value.strict !== 'boolean') return '"strict" is not a boolean';
  const counts = value.counts;
  if (!isRecord(counts) || !['total', 'passed', 'failed', 'warning', 'skipped'].every((k) => typeof counts[k] === 'number')) return '"counts" is not a Counts';
  if (value.verdict !== 'certified' && value.verdict !== 'partial' && value.verdict !== 'not certified') return '"verdict" is not "certified", "partial" or "not certified"';
  if (!Array.isArray(value.checks)) return '"checks" is not an array';
  for (const [i, result] of value.checks.entries()) {
    if (!isRecord(result) || !isRecord(result.check) || typeof result.check.id !== 'string' || !STATUSES.has(result.status)) {
      return `checks[${i}] is not a check result`;
    }
  }
  if (!Array.isArray(value.coverage) || !value.coverage.every((row) => isRecord(row) && typeof row.clause === 'string' && Array.isArray(row.checks))) {
    return '"coverage" is not a list of coverage rows';
  }
  return undefined;
}

/** The largest report.json paycert reads back (a report of every check with capped evidence is far smaller). */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

/**
 * The RunReport in `dir/report.json` (or in `dir` itself when it is a file), checked to be a
 * paycert report. Throws an Error naming the file when it is missing, not JSON, or not a report.
 * The returned value has no `format` field: it is a RunReport again.
 */
export function readReport(dir: string): RunReport {
  const file = existsSync(dir) && statSync(dir).isFile() ? dir : join(dir, REPORT_FILE);
  // A FIFO or a device would block the read, a huge file exhaust memory: looked at first.
  const unreadable = inputFileProblem(file, MAX_REPORT_BYTES);
  if (unreadable) throw new Error(`paycert: ${file} ${unreadable}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`paycert: no report at ${file} (expected the ${REPORT_FILE} a run writes)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`paycert: ${file} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = problemOf(parsed);
  if (problem !== undefined) throw new Error(`paycert: ${file} is not a paycert report: ${problem}`);
  const { format: _format, ...report } = parsed as RunReport & { format: string };
  return report;
}
