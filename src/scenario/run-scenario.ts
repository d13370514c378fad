/**
 * Runs one scenario against a target: interpolate each step, send it (N times concurrently for
 * `repeat`), check its expectations, capture its answer under `as`. The first step that does not
 * hold ends the scenario with a typed Failure carrying the exchange that showed it.
 */
import { redactText, redactValue } from '../client/redact';
import { plainRequest } from '../client/plain-http';
import type { Answer } from '../client/answer';
import { TransportError } from '../client/transport';
import { inBurst, newBurst } from '../client/burst';
import { recordPlainExchange, type Exchange } from '../client/exchange';
import type { ResolvedTarget } from '../config/resolved';
import { pool } from '../core/pool';
import { statusOfFailure } from '../core/verdict';
import type { CheckResult, Failure, Need, StepRecord } from '../core/types';
import { profileNamed, type Profile } from '../profiles';
import type { ScenarioOperation } from '../profiles/scenario-side';
import { builtInValues } from './built-ins';
import { checkInfoOf } from './check-info';
import { checkExpect, checkExpectAll, type Mismatch } from './expect';
import { CaptureError, interpolate } from './interpolate';
import { StepNotApplicable, StepUnsendable } from './step-errors';
import type { LoadedScenario, StateStep, Step } from './types';
import { viewOf, type AnswerView } from './view';
import type { ScenarioEnv } from './env';
import { NO_ANSWER } from '../core/failure-words';

export type { ScenarioEnv } from './env';

/** Why a check with these needs cannot run against this target, or null: the state hook is the engine's, the rest the target's profile's. */
export function missingNeed(needs: readonly Need[], target: ResolvedTarget): string | null {
  const own = profileNamed(target.profile).scenario.needs ?? [];
  for (const need of needs) {
    if (need === 'state_hook') {
      if (!target.stateUrl) return 'needs a state hook: set state_url in the target config (PROFILE section 4)';
      continue;
    }
    const known = own.find((n) => n.name === need);
    if (!known) return `needs ${need}, which profile ${target.profile} does not know`;
    const reason = known.missing(target);
    if (reason) return reason;
  }
  return null;
}

/** The operation of a step of `profile` (the loader made sure there is exactly one), or undefined for a state step. */
function operationOf(step: Step, profile: Profile): ScenarioOperation | undefined {
  return profile.scenario.operations.find((o) => step[o.name] !== undefined) as ScenarioOperation | undefined;
}

/** The state hook (PROFILE section 4): not signed, plain JSON; the exchange is kept for the step sequence. */
async function callStateHook(step: StateStep, env: ScenarioEnv): Promise<{ view: AnswerView; exchange: Exchange }> {
  const url = env.target.stateUrl;
  if (url === undefined) throw new StepFailure({ message: 'this step uses the state hook, and the target config has no state_url (declare needs: [state_hook] so the check is skipped instead)' });
  const json = { action: 'setup', state: step.name, params: step.params ?? {} };
  const started = performance.now();
  let answer;
  try {
    answer = await plainRequest(url, { method: 'POST', json, timeoutMs: env.timeoutMs, ...(env.maxAnswerBytes !== undefined && { maxResponseBytes: env.maxAnswerBytes }) });
  } catch (error) {
    if (error instanceof TransportError) {
      const exchange = recordPlainExchange(url, json, { transportError: error.message }, performance.now() - started);
      throw new StepFailure({ message: `no answer from the state hook ${url}: ${error.message}` }, exchange);
    }
    throw error;
  }
  const exchange = recordPlainExchange(url, json, answer, performance.now() - started);
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = answer.body;
  }
  return { view: { kind: 'answer', http: { status: answer.status, headers: answer.headers }, request: { path: new URL(url).pathname }, plaintext: body }, exchange };
}

class StepFailure extends Error {
  constructor(readonly mismatch: Mismatch, readonly exchange?: Exchange, readonly transport?: TransportError['kind']) {
    super(mismatch.message);
  }
}

async function sendOnce(step: Step, env: ScenarioEnv): Promise<Answer> {
  const operation = operationOf(step, env.profile);
  if (!operation) throw new StepFailure({ message: `the step has no operation of profile ${env.profile.name}` });
  try {
    return await operation.send(step[operation.name], step, env.session);
  } catch (error) {
    if (error instanceof StepUnsendable) throw new StepFailure({ message: error.message });
    if (error instanceof TransportError) {
      const exchange = (error as TransportError & { exchange?: Exchange }).exchange;
      throw new StepFailure({ message: `${NO_ANSWER}${error.message}` }, exchange, error.kind);
    }
    throw error;
  }
}

/**
 * What a step that held sent and got: its answer for captures, and where its exchange is for the
 * step sequence (an answer records its exchange only when read: only a failure shows it).
 */
interface StepOutcome {
  view: AnswerView;
  shown?: { readonly exchange?: Exchange };
}

async function runStep(step: Step, env: ScenarioEnv): Promise<StepOutcome> {
  if (step.state) {
    const { view, exchange } = await callStateHook(step.state, env);
    if (view.http.status < 200 || view.http.status > 299) {
      throw new StepFailure({ message: `the state hook answered ${view.http.status} for "${step.state.name}"`, actual: view.plaintext }, exchange);
    }
    return { view, shown: { exchange } };
  }
  if (step.wait) await new Promise((resolve) => setTimeout(resolve, step.wait! * 1000));
  if (step.repeat) {
    const inFlight = step.concurrency ?? step.repeat;
    // All at once (a race check): released together by construction (src/client/burst.ts).
    const burst = inFlight >= step.repeat ? newBurst(step.repeat) : undefined;
    const answers = await pool(Array.from({ length: step.repeat }), inFlight, () => (burst ? inBurst(burst, () => sendOnce(step, env)) : sendOnce(step, env)));
    const views = answers.map((a) => viewOf(a, env.profile.scenario.requestFields));
    const miss = checkExpectAll(answers, views, step.expect_all, env.profile.scenario.standardError);
    if (miss) throw new StepFailure(miss, answers[miss.index ?? answers.length - 1]?.exchange);
    return { view: views[0]!, ...(answers[0] && { shown: answers[0] }) };
  }
  let answer: Answer;
  try {
    answer = await sendOnce(step, env);
  } catch (error) {
    // `reset_ok`: the target hung up instead of answering, which is a refusal too (never a 5xx).
    if (error instanceof StepFailure && error.transport === 'reset' && step.expect?.reset_ok) {
      return { view: { kind: 'answer', http: { status: 0, headers: {} }, request: { path: '' } }, shown: { exchange: error.exchange } };
    }
    throw error;
  }
  const view = viewOf(answer, env.profile.scenario.requestFields);
  const miss = checkExpect(answer, view, step.expect, env.profile.scenario.standardError);
  if (miss) throw new StepFailure(miss, answer.exchange);
  return { view, shown: answer };
}

const withExchangeOf = (record: StepRecord, exchange: Exchange | undefined): StepRecord => (exchange ? { ...record, exchange } : record);

function stepName(step: Step, index: number, profile: Profile): string {
  const op = step.state !== undefined ? 'state' : operationOf(step, profile)?.name;
  return `step ${index + 1} (${op}${step.as ? ` as ${step.as}` : ''})${step.note ? `: ${step.note}` : ''}`;
}

/** Runs a scenario; never throws for the target's behaviour: every outcome is a CheckResult. */
export async function runScenario(s: LoadedScenario, env: ScenarioEnv): Promise<CheckResult> {
  const check = checkInfoOf(s);
  const started = performance.now();
  const skip = missingNeed(s.needs ?? [], env.target);
  if (skip) return { check, status: 'skipped', durationMs: 0, skipReason: skip };
  const vars = builtInValues(env.profile, env.session, env.target, env.runId);
  // Every step as it went, for a failure's step sequence (a later step often fails because of an earlier one).
  const steps: Array<{ record: StepRecord; shown?: StepOutcome['shown'] }> = [];
  for (const [index, rawStep] of s.steps.entries()) {
    const record: StepRecord = { step: stepName(rawStep, index, env.profile), ...(rawStep.repeat !== undefined && { repeats: rawStep.repeat }) };
    try {
      const step = interpolate(rawStep, vars);
      const { view, shown } = await runStep(step, env);
      steps.push({ record, shown });
      if (step.as) vars[step.as] = view;
    } catch (error) {
      // A probe this target cannot be sent (a near miss that changes nothing here): skipped, never passed.
      if (error instanceof StepNotApplicable) return { check, status: 'skipped', durationMs: performance.now() - started, skipReason: error.message };
      if (!(error instanceof StepFailure) && !(error instanceof CaptureError)) throw error;
      const mismatch = error instanceof StepFailure ? error.mismatch : { message: error.message };
      // What a target answered may hold a card number in clear (a faulty terminal's callback does): masked here.
      const failure: Failure = {
        checkId: check.id,
        title: check.title,
        level: check.level,
        message: redactText(mismatch.message),
        step: record.step,
        replay: {},
      };
      if (mismatch.expected !== undefined) failure.expected = mismatch.expected;
      if (mismatch.actual !== undefined) failure.actual = redactValue(mismatch.actual);
      if (error instanceof StepFailure && error.exchange) failure.exchange = error.exchange;
      // One step alone is all in `exchange`; a sequence is kept whole, the failing step last.
      if (index > 0) failure.steps = [...steps.map((s) => withExchangeOf(s.record, s.shown?.exchange)), withExchangeOf(record, failure.exchange)];
      return { check, status: statusOfFailure(check.level), durationMs: performance.now() - started, failure };
    }
  }
  return { check, status: 'passed', durationMs: performance.now() - started };
}
