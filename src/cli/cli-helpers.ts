/** Test support for the CLI tests: run the real `paycert` bin as a child process, asynchronously. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './io';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = join(PACKAGE_ROOT, 'bin', 'paycert.js');

/** Runs `paycert ...args`; never rejects (the exit code is part of the result; a run killed at `timeoutMs` gives 99). */
export function paycert(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = PACKAGE_ROOT, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1', PAYCERT_RUN: '', ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function tempDir(prefix = 'paycert-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
