/**
 * The scenario side of a `Profile` (./profile.ts): everything the scenario engine (src/scenario/)
 * needs from a payment API to check, load and run a scenario file of it. The engine knows the
 * common fields of a step (as, note, state, repeat, concurrency, wait, expect, expect_all) and
 * the state hook (PROFILE section 4); everything else a step says is one of the profile's
 * operations and settings, declared here. A new API adds its operations in its own folder; the
 * engine does not change.
 */
import type { Answer } from '../client/answer';
import type { TransportOptions } from '../client/transport';
import type { ResolvedTarget } from '../config/resolved';
import type { Clause } from '../profile/clauses';
import type { RuleProblem } from '../scenario/authoring-rules';
import type { StandardError } from '../scenario/expect';
import type { Scenario, Step } from '../scenario/types';

/** A JSON Schema (2020-12) fragment; `$ref`s point at `#/$defs/<name>` of the profile's `schemaDefs` or the engine's. */
export type JsonSchema = Record<string, unknown>;

/**
 * The clients one run of a profile talks to its target with, built once per run (`session`).
 * A profile's own code narrows it to its own session type; the engine only reads the clock.
 */
export interface ScenarioSession {
  /** The target's clock as this session knows it (epoch ms), for the built-in `${clock.*}` values. */
  now(): number;
}

/**
 * One step operation: a key of a step (`charge`, `refund`...) whose value says what to send.
 * `send` builds and sends one request and returns the answer the expectations judge; it may throw
 * TransportError (no answer), StepNotApplicable (the check is skipped), StepUnsendable (the target
 * config lacks what the step needs) or CaptureError (a captured value cannot be used), all from
 * src/scenario/ or src/client/.
 */
export interface ScenarioOperation<Value = unknown, Session extends ScenarioSession = ScenarioSession> {
  /** The step key. */
  readonly name: string;
  /** The schema of its value. */
  readonly schema: JsonSchema;
  /** Sends one request of `step` (its value interpolated), with the step's settings. */
  send(value: Value, step: Step, session: Session): Promise<Answer>;
  /** What its value breaks of the input rules (texts that cannot go on the wire); paths inside the value. */
  inputProblems?(value: Value): RuleProblem[];
  /** The bytes of one request's body when the step asks for a size, for the budget of a repeated step. */
  bodyBytes?(value: Value, step: Step): number | undefined;
}

/** A key of a step that changes how any operation of the profile is sent (`break`, `idempotency_key`). */
export interface StepSetting {
  readonly name: string;
  readonly schema: JsonSchema;
  /** What its value breaks of the input rules; paths inside the value. */
  inputProblems?(value: unknown): RuleProblem[];
  /** Why a step of another profile (named) cannot have it, in one line. */
  elsewhere(profile: string): string;
}

/** Something a check may need from a target beyond the profile's required config (`needs:` of a scenario). */
export interface ProfileNeed {
  readonly name: string;
  /** Why this target cannot give it (what to set in its config), or null when it can. */
  missing(target: ResolvedTarget): string | null;
}

export interface ScenarioSide<Session extends ScenarioSession = ScenarioSession> {
  /** The step operations of the profile (the state hook's `state` is the engine's). */
  readonly operations: readonly ScenarioOperation<never, Session>[];
  /** The keys a step may carry besides its operation, the common fields and `state`. */
  readonly settings?: readonly StepSetting[];
  /** Named schemas the fragments refer to (`#/$defs/<name>`); names are unique across profiles. */
  readonly schemaDefs?: Record<string, JsonSchema>;
  /** The PROFILE section 4 states its targets' state hook sets up (`state: { name }`). */
  readonly states: readonly string[];
  /** The provider states its Pact contract starts from (`contract: { given }`); none: it has no contract. */
  readonly contractStates?: readonly string[];
  /** Its own needs (`state_hook` is the engine's). */
  readonly needs?: readonly ProfileNeed[];
  /** Its standard error body, for `expect: { error: standard }`; none: the expectation cannot hold. */
  readonly standardError?: StandardError;
  /** The fields of a captured answer's `request` (`${name.request.nonce}`), each the request header it reads. */
  readonly requestFields?: Readonly<Record<string, string>>;
  /** Its built-in `${name.field}` values, by name and field, merged over the engine's (run, clock). */
  readonly builtInFields?: Record<string, readonly string[]>;
  /** The values of `builtInFields` for one scenario of a run. */
  builtIns?(session: Session, target: ResolvedTarget): Record<string, Record<string, unknown>>;
  /** The clients for one run against `target`, each within `budget`. */
  session(target: ResolvedTarget, budget: TransportOptions): Session;
  /** Once before a run's first check (the clock aligned to the target's); never throws for the target's behaviour. */
  prepare?(session: Session): Promise<void>;
  /** The profile's own authoring rules (what its needs and settings require, clauses its targets cannot be checked on). */
  authoringProblems?(scenario: Scenario, clauseOf: (id: string) => Clause | undefined): RuleProblem[];
}
