/**
 * A property: a fast-check arbitrary of cases and what one case must satisfy. `local` properties
 * test the harness's own crypto; `target` ones send generated requests to the target.
 */
import type fc from 'fast-check';
import type { Exchange } from '../client/exchange';
import type { Level, Need } from '../core/types';
import type { ScenarioEnv } from '../scenario/run-scenario';

/** Why one case does not hold, with the exchange that showed it (when a request was sent). */
export interface CaseFailure {
  message: string;
  expected?: unknown;
  actual?: unknown;
  exchange?: Exchange;
}

export interface PropertyDefinition<T> {
  id: string;
  title: string;
  level: Level;
  /** The PROFILE clause it enforces. */
  clause: string;
  tags: string[];
  needs?: Need[];
  kind: 'local' | 'target';
  /** Cases per run by default (kept small for target properties: the whole set stays under 10 s). */
  runs: number;
  /** The cases; `replayPath` is passed to fc.commands by model-based properties. */
  arbitrary(env: ScenarioEnv, replayPath?: string): fc.Arbitrary<T>;
  /** Runs one case: null when it holds. */
  check(value: T, env: ScenarioEnv): Promise<CaseFailure | null>;
  /** One case, readable (defaults to fast-check's stringify). */
  describe?(value: T): string;
}

/** Thrown inside a case (model commands) to fail it with details. */
export class CaseFailureError extends Error {
  constructor(readonly failure: CaseFailure) {
    super(failure.message);
  }
}
