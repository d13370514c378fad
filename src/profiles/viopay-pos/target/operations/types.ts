/** What an operation gets and gives back; the pipeline does the HTTP. */
import type { RuleContext } from '../rules';
import type { PosRequest } from '../request';
import type { Terminal } from '../options';

export interface OperationInput {
  req: PosRequest;
  ctx: RuleContext;
  terminal: Terminal;
  /** The charge id from the path (refund, cancel). */
  chargeId?: string;
}

/** A 200 answer's plaintext, sealed by the pipeline. */
export interface OperationResult {
  plaintext: unknown;
  headers?: Record<string, string>;
}
