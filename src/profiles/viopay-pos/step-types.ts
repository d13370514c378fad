/** The keys of a Viopay POS step (snake_case, as QA writes them): its operations and its settings. */
import type { NearMiss } from '../../client/near-miss';
import type { Step } from '../../scenario/types';

/** `break:` of a step: what to send wrong on purpose (src/client/breaks.ts reads it as RequestBreaks). */
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

export interface RefundValue {
  charge: string;
  body?: Record<string, unknown>;
}

export interface VoidValue {
  charge: string;
}

export interface RawValue {
  method: string;
  path: string;
  query?: string;
  plaintext?: unknown;
}

/** A step of a viopay-pos file, with its operations and settings typed. */
export interface PosStep extends Step {
  charge?: Record<string, unknown>;
  refund?: RefundValue;
  cancel?: VoidValue;
  reverse?: VoidValue;
  raw?: RawValue;
  idempotency_key?: string;
  break?: YamlBreaks;
}

/** A step read as a viopay-pos step (its schema typed its keys). */
export function posStep(step: Step): PosStep {
  return step as PosStep;
}
