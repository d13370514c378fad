/** A scenario file as specs/scenario.schema.json describes it (snake_case as QA writes it). */
import type { NearMiss } from '../client/near-miss';
import type { AadeMode } from '../profiles/viva-interapp/client-aade';
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
  /** How many answers meet `where` (VPWS: how many cancels really succeeded). */
  count?: { where: Expect; min?: number; max?: number };
  distinct?: { path: string; min?: number; max?: number };
}

export interface YamlBreaks {
  headers?: Record<string, string | null>;
  terminal_id?: string;
  timestamp?: string | { skew: number; form?: 'seconds' | 'fraction' | 'offset' };
  nonce?: string;
  key_id?: string;
  signature?: { over?: Record<string, string>; secret?: string; prefix?: string; value?: string };
  method?: string;
  path?: string;
  query?: string;
  body?: { spacing?: 'compact' | 'pretty' | 'spaced'; key_order?: 'as-is' | 'reversed' | 'sorted' };
  envelope?: {
    format?: string | null;
    mode?: string | null;
    iv_bytes?: number;
    iv?: string;
    hex_case?: 'upper' | 'lower' | 'mixed';
    padding?: 'none' | 'zeros' | 'inconsistent' | 'too-long';
    truncate_ciphertext_digits?: number;
    ciphertext?: string;
    non_hex_ciphertext?: boolean;
    extra_fields?: Record<string, unknown>;
  };
  plaintext_body?: boolean;
  plaintext_text?: string;
  plaintext_hex?: string;
  raw_body?: string;
  body_bytes?: number;
  near_miss?: { element: NearMiss['element']; kind: NearMiss['kind']; text?: string; count?: number; in?: NearMiss['in'] };
}

export interface Step {
  as?: string;
  note?: string;
  charge?: Record<string, unknown>;
  refund?: { charge: string; body?: Record<string, unknown> };
  cancel?: { charge: string };
  reverse?: { charge: string };
  raw?: { method: string; path: string; query?: string; plaintext?: unknown };
  vpws_cancel?: VpwsStep;
  viva_cancel?: VivaStep;
  state?: { name: string; params?: Record<string, unknown> };
  idempotency_key?: string;
  break?: YamlBreaks;
  repeat?: number;
  /** With repeat: at most this many in flight at once. */
  concurrency?: number;
  /** Seconds to wait before sending. */
  wait?: number;
  expect?: Expect;
  expect_all?: ExpectAll;
}

/**
 * A VPWS cancel (PROFILE 2). `authorization` is the header exactly (`{token}` stands for the token
 * of `token` after `token_change`; null sends none); `token_in` also puts the token in the query,
 * the body or an X-Access-Token header; `body_bytes` pads `reason` to a body of that size.
 */
export interface VpwsStep {
  referenceCode?: string | null;
  reason?: string;
  token?: 'dealer_a' | 'dealer_b' | 'none' | 'invalid';
  authorization?: string | null;
  token_change?: 'append-char' | 'drop-last-char' | 'upper-case' | 'lower-case';
  token_in?: 'query' | 'body' | 'x-access-token';
  raw_body?: string;
  body_bytes?: number;
  /** Another method or path than POST /vpws/payment/cancel (a request that must not cancel). */
  method?: string;
  path?: string;
}

/**
 * A Viva request (PROFILE 3): request URI parameters over the client's defaults (null leaves one
 * out; numbers and booleans are sent as written), and `aade` to add the signed AADE parameters
 * (or a near miss of them, src/profiles/viva-interapp/client-aade.ts). `prepend_query`/`append_query` are raw query
 * text put before/after the built parameters (to repeat one); `uri_base` replaces
 * `vivapayclient://pay/v1`; a date parameter may be a `VivaDateFrom`, built from another date.
 */
export type VivaStep = { [field: string]: string | number | boolean | null | undefined | VivaDateFrom } & {
  aade?: AadeMode;
  prepend_query?: string;
  append_query?: string;
  uri_base?: string;
};

/**
 * A date moved `plus_ms` milliseconds and `plus_steps` steps of its own precision (a second when
 * it has no fraction, else a millisecond) from `date` (a payment's, say), written at `offset` (default: `date`'s).
 */
export interface VivaDateFrom {
  date: string;
  plus_ms?: number;
  plus_steps?: number;
  offset?: string;
}

export const OPERATIONS = ['charge', 'refund', 'cancel', 'reverse', 'raw', 'state', 'vpws_cancel', 'viva_cancel'] as const;
export type StepOperation = (typeof OPERATIONS)[number];

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
  given?: { state: 'an approved charge' | 'a settled charge' | 'vpws transaction exists'; params?: Record<string, unknown> };
  intent?: 'sign' | 'bad-signature' | 'stale-timestamp';
}

export type Profile = 'viopay-pos' | 'vpws' | 'viva-interapp';

export interface ScenarioFile {
  profile: Profile;
  description?: string;
  scenarios: Scenario[];
}

/** A scenario as loaded: validated, with where it is written. */
export interface LoadedScenario extends Scenario {
  file: string;
  line: number;
  /** The file's profile. */
  profile: Profile;
}
