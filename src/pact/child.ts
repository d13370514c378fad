/**
 * Verification in a child process: pact's native verifier prints its own report to stdout, which
 * would break into paycert's progress lines, so inside a run it works in a child whose output is
 * kept apart, and hands its verdicts back as JSON.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ResolvedTarget } from '../config/resolved';
import { exportRunContext, newRunOptions } from '../run/context';
import type { InteractionVerdict } from './verify';

const BIN = resolve(__dirname, '..', '..', 'bin', 'paycert.js');

export function verifyInChild(file: string, target: ResolvedTarget, timeoutMs: number): Promise<InteractionVerdict[]> {
  const out = join(mkdtempSync(join(tmpdir(), 'paycert-pact-')), 'verdicts.json');
  const env: NodeJS.ProcessEnv = { ...process.env };
  exportRunContext({ target, options: newRunOptions({ timeoutMs }) }, env);
  return new Promise((done, fail) => {
    execFile(process.execPath, [BIN, 'pact', 'verify', '--pact', file, '--json-out', out], { env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, _stdout, stderr) => {
      try {
        done(JSON.parse(readFileSync(out, 'utf8')) as InteractionVerdict[]);
      } catch {
        fail(new Error(`the Pact verification could not run: ${(stderr || String(error)).split('\n')[0]}`));
      }
    });
  });
}
