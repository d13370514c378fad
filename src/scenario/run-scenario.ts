/**
 * Runs one scenario against a target: interpolate each step, send it (N times concurrently for
 * `repeat`), check its expectations, capture its answer under `as`. The first step that does not
 * hold ends the scenario with a typed Failure carrying the exchange that showed it.
 */
import { randomBytes } from 'node:crypto';
import { sampleCharge, sampleRefund } from '../client/fixtures';
import type { Answer, PosClient } from '../client/pos-client';
import { VpwsProbeNotApplicable, type VpwsClient } from '../profiles/vpws/client';
import type { VivaClient } from '../profiles/viva-interapp/client';
import type { RequestSpec } from '../client/build';
import { plainRequest } from '../client/plain-http';
import { redactText, redactValue } from '../client/redact';
import { TransportError } from '../client/transport';
import { recordPlainExchange, type Exchange } from '../client/exchange';
import type { ResolvedTarget } from '../config/resolved';
import { pool } from '../core/pool';
import { statusOfFailure } from '../core/verdict';
import type { CheckResult, Failure, Need, StepRecord } from '../core/types';
import { PATHS } from '../profile/pos';
import { formatIsoWithOffset } from '../profiles/viva-interapp/protocol/dates';
import type { SchemaName } from '../schemas/validator';
import { toRequestBreaks } from './breaks';
import { checkInfoOf } from './check-info';
import { checkExpect, checkExpectAll, type Mismatch } from './expect';
import { CaptureError, interpolate, type Vars } from './interpolate';
import { deepMerge } from './merge';
import { OPERATIONS, type LoadedScenario, type Step } from './types';
import { viewOf, type AnswerView } from './view';
import { vivaCancelOf } from '../profiles/viva-interapp/step';
import { sendVpwsStep } from '../profiles/vpws/step';

export interface ScenarioEnv {
  client: PosClient;
  /** The VPWS client, for a target that gave dealer tokens (profile vpws). */
  vpws?: VpwsClient;
  /** The Viva terminal client (profile viva-interapp). */
  viva?: VivaClient;
  target: ResolvedTarget;
  /** Unique per run, so idempotency keys and the like do not collide with earlier runs. */
  runId: string;
  /** Per-request timeout for the state hook, ms. */
  timeoutMs: number;
  /** The answer budget for the state hook, bytes (default: the transport's). */
  maxAnswerBytes?: number;
}

const NEED_REASONS: Record<Need, (t: ResolvedTarget) => string | null> = {
  state_hook: (t) => (t.stateUrl ? null : 'needs a state hook: set state_url in the target config (PROFILE section 4)'),
  pending_card: (t) => (t.cards.pending ? null : 'needs a pending test card: set cards.pending in the target config'),
  aade_key: (t) => (t.viva?.aadePrivateKeyPem ? null : 'needs the AADE provider key the terminal trusts: set viva.aade_private_key in the target config'),
};

/** Why a check with these needs cannot run against this target, or null. */
export function missingNeed(needs: readonly Need[], target: ResolvedTarget): string | null {
  for (const need of needs) {
    const reason = NEED_REASONS[need](target);
    if (reason) return reason;
  }
  return null;
}

const DAY_MS = 86_400_000;

/**
 * Dates for Viva requests (`${clock.iso_yesterday}`...), in the seed's form with the UTC offset
 * written `+0000` (the seed writes `+0300`): the form a terminal is likeliest to parse.
 */
function isoDates(nowMs: number): Record<string, string> {
  const iso = (ms: number) => formatIsoWithOffset(ms, 0);
  return { iso_now: iso(nowMs), iso_yesterday: iso(nowMs - DAY_MS), iso_tomorrow: iso(nowMs + DAY_MS), iso_week_ago: iso(nowMs - 7 * DAY_MS) };
}

/** The month after this one and the month two before it (UTC), for card expiries near today. */
function monthsAway(now: Date): Record<string, number> {
  const shifted = (months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  const next = shifted(1);
  const past = shifted(-2);
  return { next_month: next.getUTCMonth() + 1, next_month_year: next.getUTCFullYear(), two_months_ago: past.getUTCMonth() + 1, two_months_ago_year: past.getUTCFullYear() };
}

/** The built-in values of BUILT_IN_FIELDS (./built-ins.ts), for one run of one scenario. */
export function builtIns(env: ScenarioEnv): Vars {
  const now = new Date(env.client.now());
  return {
    run: { id: env.runId, unique: randomBytes(6).toString('hex') },
    cards: env.target.cards,
    clock: { year: now.getUTCFullYear(), last_year: now.getUTCFullYear() - 1, month: now.getUTCMonth() + 1, ...monthsAway(now), ...isoDates(now.getTime()) },
    target: { terminal_id: env.target.terminalId },
  };
}

interface Sent {
  spec: RequestSpec;
  schema?: SchemaName;
}

function requestOf(step: Step, env: ScenarioEnv): Sent {
  const idem = step.idempotency_key === undefined ? {} : { idempotencyKey: step.idempotency_key };
  if (step.charge) {
    const base = sampleCharge({ pan: env.target.cards.approved, terminalId: env.target.terminalId }, env.client.now());
    return { spec: { method: 'POST', path: PATHS.charge, plaintext: deepMerge(base, step.charge), ...idem }, schema: 'charge-response' };
  }
  if (step.refund) {
    const path = PATHS.refund(encodeURIComponent(step.refund.charge));
    return { spec: { method: 'POST', path, plaintext: deepMerge(sampleRefund(), step.refund.body) }, schema: 'refund-response' };
  }
  const voided = step.cancel ?? step.reverse;
  if (voided) {
    const path = step.cancel ? PATHS.cancel(encodeURIComponent(voided.charge)) : PATHS.reverse(encodeURIComponent(voided.charge));
    return { spec: { method: 'POST', path }, schema: 'cancel-response' };
  }
  const raw = step.raw!;
  const spec: RequestSpec = { method: raw.method, path: raw.path, ...idem };
  if (raw.query !== undefined) spec.query = raw.query;
  if (raw.plaintext !== undefined) spec.plaintext = raw.plaintext;
  return { spec };
}

/** The state hook (PROFILE section 4): not signed, plain JSON; the exchange is kept for the step sequence. */
async function callStateHook(step: NonNullable<Step['state']>, env: ScenarioEnv): Promise<{ view: AnswerView; exchange: Exchange }> {
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
  try {
    if (step.vpws_cancel) {
      if (!env.vpws) throw new StepFailure({ message: 'a VPWS step needs the target config\'s tokens (dealer_a, dealer_b)' });
      return await sendVpwsStep(step.vpws_cancel, env.vpws);
    }
    if (step.viva_cancel) {
      if (!env.viva) throw new StepFailure({ message: 'a viva_cancel step needs a target of profile viva-interapp' });
      return await env.viva.cancel(vivaCancelOf(step.viva_cancel));
    }
    const { spec, schema } = requestOf(step, env);
    return await env.client.send(env.client.build(spec, toRequestBreaks(step.break)), schema);
  } catch (error) {
    if (error instanceof TransportError) {
      const exchange = (error as TransportError & { exchange?: Exchange }).exchange;
      throw new StepFailure({ message: `no answer from the target: ${error.message}` }, exchange, error.kind);
    }
    throw error;
  }
}

/** What a step that held sent and got: its answer for captures, its exchange for the step sequence. */
interface StepOutcome {
  view: AnswerView;
  exchange?: Exchange;
}

async function runStep(step: Step, env: ScenarioEnv): Promise<StepOutcome> {
  if (step.state) {
    const { view, exchange } = await callStateHook(step.state, env);
    if (view.http.status < 200 || view.http.status > 299) {
      throw new StepFailure({ message: `the state hook answered ${view.http.status} for "${step.state.name}"`, actual: view.plaintext }, exchange);
    }
    return { view, exchange };
  }
  if (step.wait) await new Promise((resolve) => setTimeout(resolve, step.wait! * 1000));
  if (step.repeat) {
    const answers = await pool(Array.from({ length: step.repeat }), step.concurrency ?? step.repeat, () => sendOnce(step, env));
    const views = answers.map(viewOf);
    const miss = checkExpectAll(answers, views, step.expect_all);
    if (miss) throw new StepFailure(miss, answers[miss.index ?? answers.length - 1]?.exchange);
    return { view: views[0]!, ...(answers[0] && { exchange: answers[0].exchange }) };
  }
  let answer: Answer;
  try {
    answer = await sendOnce(step, env);
  } catch (error) {
    // `reset_ok`: the target hung up instead of answering, which is a refusal too (never a 5xx).
    if (error instanceof StepFailure && error.transport === 'reset' && step.expect?.reset_ok) {
      return { view: { kind: 'answer', http: { status: 0, headers: {} }, request: { path: '' } }, ...(error.exchange && { exchange: error.exchange }) };
    }
    throw error;
  }
  const view = viewOf(answer);
  const miss = checkExpect(answer, view, step.expect);
  if (miss) throw new StepFailure(miss, answer.exchange);
  return { view, exchange: answer.exchange };
}

function stepName(step: Step, index: number): string {
  const op = OPERATIONS.find((o) => step[o] !== undefined);
  return `step ${index + 1} (${op}${step.as ? ` as ${step.as}` : ''})${step.note ? `: ${step.note}` : ''}`;
}

/** Runs a scenario; never throws for the target's behaviour: every outcome is a CheckResult. */
export async function runScenario(s: LoadedScenario, env: ScenarioEnv): Promise<CheckResult> {
  const check = checkInfoOf(s);
  const started = performance.now();
  const skip = missingNeed(s.needs ?? [], env.target);
  if (skip) return { check, status: 'skipped', durationMs: 0, skipReason: skip };
  const vars = builtIns(env);
  // Every step as it went, for a failure's step sequence (a later step often fails because of an earlier one).
  const steps: StepRecord[] = [];
  for (const [index, rawStep] of s.steps.entries()) {
    const record: StepRecord = { step: stepName(rawStep, index), ...(rawStep.repeat !== undefined && { repeats: rawStep.repeat }) };
    try {
      const step = interpolate(rawStep, vars);
      const { view, exchange } = await runStep(step, env);
      steps.push(exchange ? { ...record, exchange } : record);
      if (step.as) vars[step.as] = view;
    } catch (error) {
      // A probe this target cannot be sent (its token has no case to change): skipped, never passed.
      if (error instanceof VpwsProbeNotApplicable) return { check, status: 'skipped', durationMs: performance.now() - started, skipReason: error.message };
      if (!(error instanceof StepFailure) && !(error instanceof CaptureError)) throw error;
      const mismatch = error instanceof StepFailure ? error.mismatch : { message: error.message };
      // What a target answered may hold a card number in clear (a faulty Viva callback does): masked here.
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
      if (index > 0) failure.steps = [...steps, failure.exchange ? { ...record, exchange: failure.exchange } : record];
      return { check, status: statusOfFailure(check.level), durationMs: performance.now() - started, failure };
    }
  }
  return { check, status: 'passed', durationMs: performance.now() - started };
}
