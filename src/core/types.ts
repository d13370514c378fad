/**
 * The values the harness core computes and emits. Nothing here prints or exits: the CLI and the
 * reporters subscribe to these (see reporter.ts).
 */
import type { Exchange } from '../client/exchange';

/** PROFILE levels a check can carry (MAY behaviours are accepted, never checked as failures). */
export type Level = 'MUST' | 'SHOULD';

/** What a check needs from the target; missing needs make it skipped, with the reason. */
export type Need = 'state_hook' | 'pending_card' | 'aade_key';

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

/** Where a rule comes from: the seed file and the PROFILE clause id (see profile/clauses.ts). */
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
  /** How to run exactly this again (curl is derived from the exchange). */
  replay?: { command?: string; seed?: number; path?: string };
}

export interface CheckResult {
  check: CheckInfo;
  status: CheckStatus;
  durationMs: number;
  failure?: Failure;
  /** Why a skipped check did not run. */
  skipReason?: string;
}

export interface RunInfo {
  /** The target's base URL, and whether it is the embedded reference target. */
  target: { baseUrl: string; embedded: boolean };
  profile: string;
  harnessVersion: string;
  startedAt: string;
  strict: boolean;
}

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  warning: number;
  skipped: number;
}

/** One row of the coverage table: a PROFILE clause and the checks that enforce it. */
export interface CoverageRow {
  clause: string;
  section: string;
  level: Level | 'MAY';
  text: string;
  checks: string[];
}

export interface RunReport extends RunInfo {
  endedAt: string;
  counts: Counts;
  /** certified: no failed check (and, with --strict, no warning). */
  verdict: 'certified' | 'not certified';
  checks: CheckResult[];
  coverage: CoverageRow[];
}
