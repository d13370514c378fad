/**
 * Verification in a child process (child-main.ts): pact's native verifier prints its own report to stdout, which
 * would break into paycert's progress lines, so inside a run it works in a child whose output is
 * kept apart, and hands its verdicts back as JSON. The child is bounded like every request of the
 * run: its requests within the run's timeout and answer budget (guard.ts), and the child itself
 * within a deadline (a check's, src/run/context.ts) and a memory cap (a V8 heap limit, and its
 * resident size watched where /proc tells it), past which it is killed and its checks fail.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ResolvedTarget } from '../config/resolved';
import { checkDeadlineMs, exportRunContext, newRunOptions } from '../run/context';
import type { InteractionVerdict } from './verify';

/** The child: plain Node with the TypeScript loader, running only a verification (child-main.ts). */
const LOADER = resolve(__dirname, '..', '..', 'scripts', 'register-ts.js');
const ENTRY = resolve(__dirname, 'child-main.ts');
/** The child's V8 heap limit: a verification needs well under 100 MB. */
const HEAP_MB = 384;
/** The child's resident size limit (heap, the native verifier, buffers), where /proc shows it. */
export const CHILD_RSS_CAP_BYTES = 768 * 1024 * 1024;
/** How much of the child's stderr is kept for the error line. */
const STDERR_KEPT = 64 * 1024;

/** The verification was stopped (deadline or memory cap): the target's doing, so its checks fail. */
export class VerificationStopped extends Error {
  override readonly name = 'VerificationStopped';
}

export interface ChildLimits {
  /** The deadline of the whole verification, ms (default: a check's, from the request timeout). */
  deadlineMs?: number;
  /** The resident size past which the child is killed, bytes. */
  rssCapBytes?: number;
}

/** The resident size of `pid` in bytes, or undefined where /proc does not tell it. */
function residentBytes(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Verifies `file` against `target` in a child process, within the run's budgets.
 * @throws VerificationStopped when the child passed its deadline or memory cap; Error when it could not run.
 */
export function verifyInChild(file: string, target: ResolvedTarget, timeoutMs: number, maxAnswerBytes?: number, limits: ChildLimits = {}): Promise<InteractionVerdict[]> {
  const dir = mkdtempSync(join(tmpdir(), 'paycert-pact-'));
  const out = join(dir, 'verdicts.json');
  const env: NodeJS.ProcessEnv = { ...process.env };
  exportRunContext({ target, options: newRunOptions({ timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }) }) }, env);
  const deadlineMs = limits.deadlineMs ?? checkDeadlineMs(timeoutMs);
  const rssCap = limits.rssCapBytes ?? CHILD_RSS_CAP_BYTES;
  return new Promise((done, fail) => {
    // stdout is the native verifier's own report (bodies and all): not wanted, never buffered.
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '-r', LOADER, ENTRY, file, out], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_KEPT) stderr += chunk.toString('utf8');
    });
    let stopped: string | undefined;
    const stop = (why: string) => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const deadline = setTimeout(() => stop(`the Pact verification did not finish in ${Math.round(deadlineMs / 1000)} s (its deadline); the target answers too slowly or not at all`), deadlineMs);
    const watch = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentBytes(child.pid);
      if (rss !== undefined && rss > rssCap) stop(`the Pact verification was stopped at ${Math.round(rss / 1024 / 1024)} MB of memory (its cap: ${Math.round(rssCap / 1024 / 1024)} MB), reading the target's answers`);
    }, 250);
    child.on('error', (error) => {
      stderr ||= String(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      clearInterval(watch);
      try {
        // V8's own heap limit ends the child with its "heap limit" report: the cap held, so the same verdict.
        if (!stopped && /heap limit|JavaScript heap out of memory/i.test(stderr)) stopped = `the Pact verification reached its ${HEAP_MB} MB heap limit, reading the target's answers`;
        if (stopped) return fail(new VerificationStopped(stopped));
        try {
          done(JSON.parse(readFileSync(out, 'utf8')) as InteractionVerdict[]);
        } catch {
          const why = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${code ?? signal}`;
          fail(new Error(`the Pact verification could not run: ${why}`));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
