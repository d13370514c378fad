/** What a selftest computes: per variant, what the certification found, and the scores. */

export interface FaultOutcome {
  name: string;
  title: string;
  clause: string;
  level: 'MUST' | 'SHOULD';
  /** MUST: some MUST check failed. SHOULD: a warning, no failure, and not certified with --strict. */
  caught: boolean;
  failed: string[];
  warned: string[];
  /** caughtBy ids of the catalogue that did not catch it (each one a harness bug). */
  missedBy: string[];
  /** Why it does not count as caught, in words. */
  why?: string;
}

export interface VariationOutcome {
  name: string;
  title: string;
  clause: string;
  /** Certified with no failure and no warning. */
  passed: boolean;
  failed: string[];
  warned: string[];
  /** The first failures' messages, for the report. */
  messages: string[];
}

export interface SelftestReport {
  startedAt: string;
  durationMs: number;
  checks: number;
  faults: FaultOutcome[];
  variations: VariationOutcome[];
  score: { faultsCaught: number; faults: number; variationsPassed: number; variations: number };
  /** 100% on both scores. */
  passed: boolean;
  /** Whether a MUST fault met every check (`full`) or only those until it was caught (`fast`, the default). */
  mode?: 'fast' | 'full';
}
