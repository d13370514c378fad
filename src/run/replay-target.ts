/**
 * What a failure's replay command needs to run against the same target as the run that found it:
 * the options that named that target. Without them, a pasted `paycert run --check ID` certifies
 * the embedded reference target instead.
 */
import type { ResolvedTarget } from '../config/resolved';
import type { CheckResult } from '../core/types';
import { defaultProfileName } from './resolve-target';
/** The per-request timeout without `--timeout`, seconds. */
export const DEFAULT_TIMEOUT_S = 10;

export interface TargetArgsInput {
  /** `--config` as given. */
  config?: string;
  /** `--target` as given. */
  target?: string;
  profile: string;
  timeoutMs?: number;
  /** `--max-answer-bytes` as given (bytes). */
  maxAnswerBytes?: number;
  /** `--specs` paths as given: a user's check is found again only with them. */
  specs?: readonly string[];
  /** `--no-builtin`. */
  noBuiltin?: boolean;
}

/**
 * The options that select a run's target, as `paycert run` takes them: `--config F` and/or
 * `--target URL`, `--profile P` when not the default, `--timeout S` when not the default,
 * `--max-answer-bytes N` when given, the `--specs` paths and `--no-builtin` when given.
 * Neither config nor URL: the embedded target (a fresh one, for a replay).
 */
export function targetArgs(input: TargetArgsInput): string[] {
  const args: string[] = [];
  if (input.config !== undefined) args.push('--config', input.config);
  if (input.target !== undefined) args.push('--target', input.target);
  if (input.profile !== defaultProfileName()) args.push('--profile', input.profile);
  if (input.timeoutMs !== undefined && input.timeoutMs !== DEFAULT_TIMEOUT_S * 1000) args.push('--timeout', String(input.timeoutMs / 1000));
  // A failure found within a smaller (or larger) answer budget replays within the same one.
  if (input.maxAnswerBytes !== undefined) args.push('--max-answer-bytes', String(input.maxAnswerBytes));
  for (const path of input.specs ?? []) args.push('--specs', path);
  if (input.noBuiltin) args.push('--no-builtin');
  return args;
}

/**
 * The target options of a run resolved without the CLI (plain jest): its config file, or its URL
 * when it came from one, or nothing for the embedded target.
 */
export function targetArgsOf(target: ResolvedTarget, timeoutMs?: number): string[] {
  if (target.embedded) return targetArgs({ profile: target.profile, ...(timeoutMs !== undefined && { timeoutMs }) });
  const fromUrl = target.source === target.baseUrl || target.source.replace(/\/+$/, '') === target.baseUrl;
  return targetArgs({ ...(fromUrl ? { target: target.baseUrl } : { config: target.source }), profile: target.profile, ...(timeoutMs !== undefined && { timeoutMs }) });
}

/** `result` with its failure's replay naming the run's target (a result with no failure as it is). */
export function withReplayTarget(result: CheckResult, args: readonly string[]): CheckResult {
  if (!result.failure) return result;
  return { ...result, failure: { ...result.failure, replay: { ...result.failure.replay, target: [...args] } } };
}
