/**
 * The values the harness core computes and emits. Nothing here prints or exits: the CLI and the
 * reporters subscribe to these (see reporter.ts).
 */
import type { Exchange } from '../client/exchange';

/** PROFILE levels a check can carry (MAY behaviours are accepted, never checked as failures). */
export type Level = 'MUST' | 'SHOULD';

/**
 * What a check needs from the target; missing needs make it skipped, with the reason. `state_hook`
 * is every profile's (PROFILE section 4); the others are named by the check's profile.
 */
export type Need = string;

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

/** Where a rule comes from: the seed file and the PROFILE clause id (each profile lists its clauses: src/profiles/<name>/clauses.ts). */
export interface SpecRef {
  seed: string;
  clause: string;
}

/** A registered check, as reports list it. */
export interface CheckInfo {
  id: string;
  title: string;
  level: Level;
  ref: SpecRef;
  tags: string[];
  needs: Need[];
  /** The spec file and line that defines it (scenarios). */
  source?: { file: string; line: number };
}

/** A check that did not hold: a typed value; formatting is failure-format.ts's job. */
export interface Failure {
  checkId: string;
  title: string;
  level: Level;
  /** One line saying what went wrong. */
  message: string;
  /** The step of the scenario where it went wrong. */
  step?: string;
  expected?: unknown;
  actual?: unknown;
  /** The request and answer (redacted) that showed it. */
  exchange?: Exchange;
  /**
   * Every step of a scenario up to the one that failed, in order, each with what it sent and
   * what came back (the last one's exchange is `exchange`).
   */
  steps?: StepRecord[];
  /** How to run exactly this again (curl is derived from the exchanges). */
  replay?: Replay;
}

/** One step of a failed scenario, as it went. */
export interface StepRecord {
  /** `step 2 (refund as r)`: the step as failures name it. */
  step: string;
  /** What it sent and what came back (for a `repeat`, the request the failure is about, else the first). */
  exchange?: Exchange;
  /** A `repeat` step: how many times it was sent. */
  repeats?: number;
}

/** What runs a failure again: `paycert run` with these, against the same target. */
export interface Replay {
  /** The command a check gave itself (properties: with seed and path; Pact: `paycert pact verify`). */
  command?: string;
  seed?: number;
  path?: string;
  /** A model-based property's command replay path. */
  replayPath?: string;
  /** The options that name the run's target: `--config F` or `--target URL`, `--profile P`, `--timeout S` (none: the embedded target). */
  target?: string[];
  /** False for a check `paycert run` does not run (a client judge's): `command` alone replays it. */
  byRun?: boolean;
}

export interface CheckResult {
  check: CheckInfo;
  status: CheckStatus;
  durationMs: number;
  failure?: Failure;
  /** Why a skipped check did not run. */
  skipReason?: string;
  /** What the run's expected-failure baseline says of this check (core/baseline.ts). */
  baseline?: BaselineMark;
}

/** One entry of an expected-failure baseline (`--baseline FILE`). */
export interface BaselineEntry {
  check: string;
  reason: string;
  ticket?: string;
  /** YYYY-MM-DD: from the day after, the entry fails the run. */
  expires?: string;
}

/**
 * A baselined check's state: `known` (it failed or warned as listed: not held against the run),
 * `fixed` (it passed: take it out of the baseline; fails the run with --strict), `expired` (the
 * entry's date is past: fails the run whatever the check did).
 */
export interface BaselineMark extends Omit<BaselineEntry, 'check'> {
  state: 'known' | 'fixed' | 'expired';
}

/** What narrowed a run to part of the suite: such a run is PARTIAL, never CERTIFIED. */
export interface RunFilters {
  tags?: string[];
  excludeTags?: string[];
  checks?: string[];
  /** `I/N` of a sharded run. */
  shard?: string;
  /** `--no-builtin`: only the user's scenarios (`--specs`) ran, none of the built-in checks. */
  noBuiltin?: boolean;
}

/** Who was certified and with what, secrets left out. */
export interface RunIdentity {
  terminalId?: string;
  keyId?: string;
  kcvMethod?: string;
  /** The target config file, when one was given. */
  configPath?: string;
  /** SHA-256 of the resolved config with every secret removed: the same config gives the same hash. */
  configHash?: string;
}

/** One target a run (or a shard of a merged run) certified. */
export interface RunTarget {
  baseUrl: string;
  embedded: boolean;
  configHash?: string;
}

export interface RunInfo {
  /** The target's base URL, and whether it is the embedded reference target. */
  target: { baseUrl: string; embedded: boolean };
  /**
   * Every target of a merged report (`paycert merge`: shards may run against several instances),
   * each with its config fingerprint; `target` is the first shard's.
   */
  targets?: RunTarget[];
  profile: string;
  harnessVersion: string;
  startedAt: string;
  strict: boolean;
  /** Set when the run was narrowed (--tag, --check, --exclude-tag, --shard): its verdict is at best PARTIAL. */
  filters?: RunFilters;
  identity?: RunIdentity;
  /** SHA-256 over the suite's content (specs, probes, properties, contracts, schemas): which checks judged. */
  suiteHash?: string;
  /** The expected-failure baseline the run applied. */
  baseline?: { file: string; entries: number };
}

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  warning: number;
  skipped: number;
  /** Of the failed and warnings, those the baseline expects (not held against the run). */
  known?: number;
  /** Baselined checks that passed (fixed) and baseline entries past their date (expired). */
  fixed?: number;
  expired?: number;
}

/** One row of the coverage table: a PROFILE clause and the checks that enforce it. */
export interface CoverageRow {
  clause: string;
  section: string;
  level: Level | 'MAY';
  text: string;
  checks: string[];
}

export type Verdict = 'certified' | 'partial' | 'not certified';

export interface RunReport extends RunInfo {
  endedAt: string;
  counts: Counts;
  /**
   * certified: no failed check (and, with --strict, no warning), nothing left out; partial: the
   * same, but the run was narrowed by a filter (see core/verdict.ts).
   */
  verdict: Verdict;
  checks: CheckResult[];
  coverage: CoverageRow[];
}
