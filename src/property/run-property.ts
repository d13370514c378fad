/**
 * Runs a property as a check. A failure is confirmed before it is reported: the shrunk case is
 * sent again (a shrinker can drift onto a case that passes), and if it no longer fails, the
 * earlier failing cases are tried, latest first. The report carries the case, its exchange, and
 * the command that replays exactly it.
 */
import fc from 'fast-check';
import { TransportError } from '../client/transport';
import type { Exchange } from '../client/exchange';
import type { CheckInfo, CheckResult, Failure } from '../core/types';
import { statusOfFailure } from '../core/verdict';
import type { ScenarioEnv } from '../scenario/run-scenario';
import type { RunParams } from '../checks/check';
import { CaseFailureError, type CaseFailure, type PropertyDefinition } from './types';
import { NO_ANSWER } from '../core/failure-words';

/** One case; an expected kind of failure is a CaseFailure, anything else is a harness bug and throws. */
async function tryCase<T>(def: PropertyDefinition<T>, value: T, env: ScenarioEnv): Promise<CaseFailure | null> {
  try {
    return await def.check(value, env);
  } catch (error) {
    if (error instanceof CaseFailureError) return error.failure;
    if (error instanceof TransportError) {
      const exchange = (error as TransportError & { exchange?: Exchange }).exchange;
      return { message: `${NO_ANSWER}${error.message}`, ...(exchange && { exchange }) };
    }
    throw error;
  }
}

const REPLAY_PATH = /replayPath="([^"]+)"/;

/**
 * A case as text: its own toString (a command sequence's names its replay path), or fast-check's
 * rendering for a value that has none (fast-check's records may have no prototype, and String()
 * throws on them).
 */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return fc.stringify(value);
  }
}

function describeCase<T>(def: PropertyDefinition<T>, value: T): string {
  const text = def.describe ? def.describe(value) : fc.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

export function replayCommand(id: string, seed: number, path: string | null, replayPath?: string): string {
  // `--seed=S`, not `--seed S`: a negative seed would read as an option.
  return `paycert run --check ${id} --seed=${seed}${path ? ` --path=${path}` : ''}${replayPath ? ` --replay-path=${replayPath}` : ''}`;
}

export async function runProperty<T>(def: PropertyDefinition<T>, info: CheckInfo, env: ScenarioEnv, params: RunParams = {}): Promise<CheckResult> {
  const started = performance.now();
  // The first failure seen, for the report when no failing case fails again (what went wrong, once).
  let firstSeen: CaseFailure | undefined;
  // A case the target did not answer is not shrunk: a target that stops answering does not answer
  // smaller cases either, and each try would wait out a whole timeout. Once one went unanswered,
  // every later try (the shrinker's) counts as passing without being sent, so the case reported is
  // the one that went unanswered.
  let unanswered = false;
  const property = fc.asyncProperty(def.arbitrary(env, params.replayPath), async (value: T) => {
    if (unanswered) return true;
    const failure = await tryCase(def, value, env);
    firstSeen ??= failure ?? undefined;
    if (failure?.message.startsWith(NO_ANSWER)) unanswered = true;
    return failure === null;
  });
  const durationMs = () => performance.now() - started;
  let details: fc.RunDetails<[T]>;
  try {
    details = await fc.check(property, {
      numRuns: params.runs ?? def.runs,
      verbose: fc.VerbosityLevel.Verbose,
      ...(params.seed !== undefined && { seed: params.seed }),
      ...(params.path !== undefined && { path: params.path, endOnFailure: true }),
    });
  } catch (error) {
    // fast-check refuses a path that its seed did not produce: a replay typed wrong, not a target fault.
    if (params.path === undefined || !/Unable to replay/.test(String(error))) throw error;
    const message = `--seed=${params.seed} --path=${params.path} do not replay a case of this property (copy both from the report${def.kind === 'target' && !params.replayPath ? '; a model-based property also needs its --replay-path' : ''})`;
    return { check: info, status: 'failed', durationMs: durationMs(), failure: { checkId: info.id, title: info.title, level: info.level, message } };
  }
  if (!details.failed) return { check: info, status: 'passed', durationMs: durationMs() };
  if (details.errorInstance && !details.counterexample) throw details.errorInstance;
  // Read before anything runs the case again: a command sequence rewrites its replay path when it runs.
  const replayPath = details.counterexample ? REPLAY_PATH.exec(textOf(details.counterexample[0]))?.[1] : undefined;

  // Confirm before reporting: the shrunk case first, then earlier failures, latest first.
  const candidates = [details.counterexample?.[0], ...[...details.failures].reverse().map((f) => f[0])].filter((v): v is T => v !== undefined);
  let confirmed: { value: T; failure: CaseFailure } | undefined;
  for (const value of candidates) {
    const failure = await tryCase(def, value, env);
    if (failure) {
      confirmed = { value, failure };
      break;
    }
  }
  const shown = confirmed?.value ?? candidates[0];
  const failure: Failure = {
    checkId: info.id,
    title: info.title,
    level: info.level,
    message: confirmed
      ? `${confirmed.failure.message} (after ${details.numRuns} cases, ${details.numShrinks} shrinks)`
      : `failed during the run, but no failing case failed again when re-sent (a flaky target?): ${firstSeen?.message ?? String(details.errorInstance ?? 'predicate false')}`,
    step: shown === undefined ? 'property run' : `counterexample: ${describeCase(def, shown)}`,
    replay: {
      command: replayCommand(info.id, details.seed, details.counterexamplePath, replayPath),
      seed: details.seed,
      ...(details.counterexamplePath && { path: details.counterexamplePath }),
      ...(replayPath && { replayPath }),
    },
  };
  if (confirmed?.failure.expected !== undefined) failure.expected = confirmed.failure.expected;
  if (confirmed?.failure.actual !== undefined) failure.actual = confirmed.failure.actual;
  if (confirmed?.failure.exchange) failure.exchange = confirmed.failure.exchange;
  if (confirmed && confirmed.value !== candidates[0]) failure.message += '; the shrunk case passed when re-sent, so this is an earlier failing case';
  return { check: info, status: statusOfFailure(info.level), durationMs: durationMs(), failure };
}
