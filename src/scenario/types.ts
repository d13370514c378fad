/** A scenario file as specs/scenario.schema.json describes it (snake_case as QA writes it). */
import type { Level, Need } from '../core/types';

export type Matcher =
  | string
  | number
  | boolean
  | null
  | unknown[]
  | { equals: unknown }
  | { one_of: unknown[] }
  | { not: unknown }
  | { pattern: string }
  | { type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' }
  | { non_empty: true }
  /** Any other object: compared for deep equality. */
  | Record<string, unknown>;

export interface Expect {
  /** A status, the statuses allowed, or a `${reference}` (interpolated before checking). */
  status?: number | number[] | string;
  code?: string | string[];
  error?: 'standard';
  fields?: Record<string, Matcher>;
  headers?: Record<string, Matcher>;
  any_of?: Expect[];
  /** A connection closed without an answer counts as a refusal (a huge body a target stops reading). */
  reset_ok?: boolean;
  /** The body is not judged against the profile's shapes (a request outside the API: another path or method). */
  any_body?: boolean;
}

export interface ExpectAll {
  each?: Expect;
  ok?: { min?: number; max?: number };
  /** How many answers meet `where` (how many of the requests really did what they asked). */
  count?: { where: Expect; min?: number; max?: number };
  distinct?: { path: string; min?: number; max?: number };
}

/**
 * One step of a scenario: the fields every profile's steps share, plus exactly one operation key
 * (`state`, or one of the file's profile's operations) and that profile's settings, whose values
 * the profile's schema fragments type (src/profiles/scenario-side.ts). A profile reads its own
 * keys through its own, narrower step type.
 */
export interface Step {
  as?: string;
  note?: string;
  /** The state hook (PROFILE section 4): the one operation every profile has. */
  state?: StateStep;
  repeat?: number;
  /** With repeat: at most this many in flight at once. */
  concurrency?: number;
  /** Seconds to wait before sending. */
  wait?: number;
  expect?: Expect;
  expect_all?: ExpectAll;
  /** The operation and the profile's settings. */
  [key: string]: unknown;
}

/** A step that sets up a state through the target's state hook. */
export interface StateStep {
  name: string;
  params?: Record<string, unknown>;
}

export interface Scenario {
  id: string;
  title: string;
  level: Level;
  ref: { clause: string; seed?: string };
  tags?: string[];
  needs?: Need[];
  description?: string;
  /** Makes the last step a Pact interaction (src/pact/). */
  contract?: ContractSpec;
  steps: Step[];
}

export interface ContractSpec {
  description: string;
  /** A provider state of the file's profile (its scenario side's `contractStates`). */
  given?: { state: string; params?: Record<string, unknown> };
  intent?: 'sign' | 'bad-signature' | 'stale-timestamp';
}

export interface ScenarioFile {
  /** The name of a registered profile (src/profiles/index.ts). */
  profile: string;
  description?: string;
  scenarios: Scenario[];
}

/** A scenario as loaded: validated, with where it is written. */
export interface LoadedScenario extends Scenario {
  file: string;
  line: number;
  /** The file's profile's name. */
  profile: string;
}
