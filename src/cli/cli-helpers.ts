/**
 * Test support for the CLI tests: run `paycert ...args` and read its exit code and output.
 *
 * `paycert()` runs the command inside the test's own process, through `main` with captured
 * output, the way the bin does: the ~120 runs of the CLI tests each cost a process start (about
 * 0.5 CPU-s of module loading) otherwise. `paycertProcess()` runs the real bin as a child, for what
 * only a process shows: the bin itself, a read that would block (a FIFO), `serve`, which runs until
 * a signal, and `pact generate`, which runs jest.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT, type Io } from './io';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = join(PACKAGE_ROOT, 'bin', 'paycert.js');

/** What every test run of the CLI sees: CI mode, no colours, no run context inherited. */
const TEST_ENV: NodeJS.ProcessEnv = { CI: 'true', NO_COLOR: '1', PAYCERT_RUN: '' };

/** Runs the real bin; never rejects (the exit code is part of the result; a run killed at `timeoutMs` gives 99). */
export function paycertProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = PACKAGE_ROOT, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, ...TEST_ENV, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Commands that only a process can run: `serve` waits for a signal, `pact generate` runs jest. */
const ownProcess = (args: readonly string[]): boolean => args[0] === 'serve' || (args[0] === 'pact' && args[1] === 'generate');

/** In-process runs in another working directory take turns: the working directory is the process's. */
let turn: Promise<unknown> = Promise.resolve();

/** Runs `work` with `cwd` as the working directory (waiting its turn if that is not already it), then puts it back. */
function inDirectory<T>(cwd: string, work: () => Promise<T>): Promise<T> {
  if (resolve(cwd) === process.cwd()) return work();
  const result = turn.then(async () => {
    const saved = process.cwd();
    process.chdir(cwd);
    try {
      return await work();
    } finally {
      process.chdir(saved);
    }
  });
  turn = result.catch(() => undefined);
  return result;
}

async function inProcess(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliResult> {
  // Required here, not at the top: a test file that only spawns the bin does not load the harness.
  const { main } = require('./main') as typeof import('./main');
  let stdout = '';
  let stderr = '';
  // The CLI reads its environment from the Io (never process.env), so runs at once do not meet.
  const io: Io = { out: { write: (text: string) => void (stdout += text) }, err: { write: (text: string) => void (stderr += text) }, env: { ...process.env, ...TEST_ENV, ...env } };
  const code = await inDirectory(cwd, () =>
    main(args, io).catch((error: unknown) => {
      // As the bin says it: only a bug gets here.
      stderr += `paycert: internal error: ${error instanceof Error && error.stack ? error.stack : String(error)}\n`;
      return 2;
    }),
  );
  return { code, stdout, stderr };
}

/**
 * Runs `paycert ...args` with `env` added to the environment, in `cwd`; never rejects (the exit
 * code is part of the result). In this process unless the command needs its own (see above), in
 * which case `timeoutMs` bounds it.
 */
export function paycert(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = PACKAGE_ROOT, timeoutMs = 120_000): Promise<CliResult> {
  return ownProcess(args) ? paycertProcess(args, env, cwd, timeoutMs) : inProcess(args, env, cwd);
}

/** A `paycert serve` child process: its URL once it listens, and a stop that resolves with its exit code. */
export interface Served {
  url: string;
  stop(): Promise<number | null>;
}

/** Starts `paycert serve --port 0 ARGS` and resolves once it listens. */
export async function servePaycert(args: readonly string[]): Promise<Served> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, PAYCERT_RUN: '' } });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`serve exited: ${seen}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
