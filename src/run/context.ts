/**
 * What one certification run is: the resolved target and the run's options. The CLI (or jest's
 * global setup) resolves it once and hands it to the jest workers through the environment.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { ResolvedTarget } from '../config/resolved';
import type { BaselineEntry } from '../core/types';

export interface RunOptions {
  runId: string;
  reportsDir: string;
  strict: boolean;
  /** Only scenarios with one of these tags (empty: all). */
  tags: string[];
  /** Only these check ids (empty: all). */
  checks: string[];
  /** Never checks with one of these tags (`--no-pact` puts `pact` here). */
  excludeTags?: string[];
  /** `--no-builtin`: the run holds only the user's scenarios (`--specs`), so it is at best PARTIAL. */
  noBuiltin?: boolean;
  /** Per-request timeout, ms: the whole exchange (connect, headers, body). */
  timeoutMs: number;
  /** The answer budget: at most this much of any answer is read (`--max-answer-bytes`; default: the transport's, 4 MiB). */
  maxAnswerBytes?: number;
  startedAt: string;
  /** Print progress and the verdict (paycert run does; under plain jest, jest's own reporter does). */
  console: boolean;
  /** Properties: cases per property, and the seed/path/replay path of a failure to replay. */
  runs?: number;
  seed?: number;
  path?: string;
  replayPath?: string;
  /** The expected-failure baseline the run applies (`--baseline FILE`, PAYCERT_BASELINE), read and checked before the run. */
  baseline?: { file: string; entries: BaselineEntry[] };
  /** The PEM file of the Ed25519 key certificate.json is signed with (`--sign-key`, PAYCERT_SIGN_KEY): its path, never the key. */
  signKeyFile?: string;
  /**
   * The options that name this run's target (`--config F`, `--target URL`, `--profile P`,
   * `--timeout S`), for the replay command of each failure; absent: derived from the target.
   */
  targetArgs?: string[];
}

export interface RunContext {
  target: ResolvedTarget;
  options: RunOptions;
}

const ENV_KEY = 'PAYCERT_RUN';

export function newRunOptions(partial: Partial<RunOptions> = {}): RunOptions {
  return {
    runId: partial.runId ?? randomBytes(6).toString('hex'),
    reportsDir: resolve(partial.reportsDir ?? 'reports'),
    strict: partial.strict ?? false,
    tags: partial.tags ?? [],
    checks: partial.checks ?? [],
    timeoutMs: partial.timeoutMs ?? 10_000,
    startedAt: partial.startedAt ?? new Date().toISOString(),
    console: partial.console ?? false,
    ...(partial.excludeTags && { excludeTags: partial.excludeTags }),
    ...(partial.noBuiltin && { noBuiltin: true }),
    ...(partial.maxAnswerBytes !== undefined && { maxAnswerBytes: partial.maxAnswerBytes }),
    ...(partial.runs !== undefined && { runs: partial.runs }),
    ...(partial.seed !== undefined && { seed: partial.seed }),
    ...(partial.path !== undefined && { path: partial.path }),
    ...(partial.replayPath !== undefined && { replayPath: partial.replayPath }),
    ...(partial.baseline !== undefined && { baseline: partial.baseline }),
    ...(partial.signKeyFile !== undefined && { signKeyFile: partial.signKeyFile }),
    ...(partial.targetArgs !== undefined && { targetArgs: partial.targetArgs }),
  };
}

/**
 * One check's deadline, ms: room for a dozen requests that each wait out the timeout, and at
 * least a minute. The Pact verification (one child process for all of a contract's checks) gets
 * the same.
 */
export function checkDeadlineMs(timeoutMs: number): number {
  return Math.max(60_000, 12 * timeoutMs);
}

/** A Buffer as JSON.stringify writes it (`Buffer.prototype.toJSON`). */
function isBufferJson(value: unknown): value is { type: 'Buffer'; data: number[] } {
  const v = value as { type?: unknown; data?: unknown } | null;
  return typeof v === 'object' && v !== null && v.type === 'Buffer' && Array.isArray(v.data) && Object.keys(v).length === 2;
}

/**
 * Puts the run into the environment of this process, which the jest workers inherit. The
 * profile's settings (keys, secrets) travel only in memory (the environment of our own child
 * processes), never to disk; a key held as bytes comes back as bytes.
 */
export function exportRunContext(ctx: RunContext, env: NodeJS.ProcessEnv = process.env): void {
  env[ENV_KEY] = JSON.stringify(ctx);
}

export function importRunContext(env: NodeJS.ProcessEnv = process.env): RunContext | undefined {
  const text = env[ENV_KEY];
  if (!text) return undefined;
  return JSON.parse(text, (_key, value: unknown) => (isBufferJson(value) ? Buffer.from(value.data) : value)) as RunContext;
}

/** Options from PAYCERT_* variables, for `PAYCERT_CONFIG=FILE npx jest --selectProjects conformance`. */
export function runOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  return newRunOptions({
    reportsDir: env.PAYCERT_REPORTS ?? 'reports',
    strict: env.PAYCERT_STRICT === '1' || env.PAYCERT_STRICT === 'true',
    tags: list(env.PAYCERT_TAGS),
    checks: list(env.PAYCERT_CHECKS),
    timeoutMs: env.PAYCERT_TIMEOUT ? Number(env.PAYCERT_TIMEOUT) * 1000 : 10_000,
    ...(env.PAYCERT_MAX_ANSWER_BYTES && { maxAnswerBytes: Number(env.PAYCERT_MAX_ANSWER_BYTES) }),
    ...(env.PAYCERT_RUNS && { runs: Number(env.PAYCERT_RUNS) }),
    ...(env.PAYCERT_SIGN_KEY && { signKeyFile: resolve(env.PAYCERT_SIGN_KEY) }),
  });
}
