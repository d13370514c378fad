/**
 * `paycert selftest` over several processes: the catalogue is split into parts (run-selftest's
 * `part`), each certified by a child `paycert selftest --part I/N` that writes its report as JSON,
 * and the parts are merged back in catalogue order. The selftest is CPU-bound in one process
 * (harness and reference targets share its event loop), so N processes use N cores.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selftestReport } from '../selftest/run-selftest';
import type { SelftestReport } from '../selftest/types';
import { PACKAGE_ROOT } from './io';

/** Runs `parts` child selftests and merges their reports; `onLine` gets each progress line as it comes. */
export async function selftestInWorkers(parts: number, jobs: number, full: boolean, onLine: (line: string) => void): Promise<SelftestReport> {
  const dir = mkdtempSync(join(tmpdir(), 'paycert-selftest-'));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  try {
    const reports = await Promise.all(
      Array.from({ length: parts }, (_, index) => {
        const file = join(dir, `part-${index}.json`);
        const args = [join(PACKAGE_ROOT, 'bin', 'paycert.js'), 'selftest', '--part', `${index}/${parts}`, '--part-report', file, '--jobs', String(jobs), ...(full ? ['--full'] : [])];
        return new Promise<SelftestReport>((resolve, reject) => {
          const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
          let pending = '';
          child.stdout.on('data', (chunk: Buffer) => {
            const lines = (pending + chunk.toString('utf8')).split('\n');
            pending = lines.pop() ?? '';
            for (const line of lines) if (line !== '') onLine(line);
          });
          child.on('error', reject);
          child.on('exit', (code) => {
            if (code !== 0) return reject(new Error(`selftest part ${index + 1} of ${parts} ended with exit code ${code}`));
            resolve(JSON.parse(readFileSync(file, 'utf8')) as SelftestReport);
          });
        });
      }),
    );
    return mergeParts(reports, startedAt, performance.now() - started);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The parts' reports as one, in catalogue order. Part i held the catalogue's positions i, i+N, ...
 * counted over the faults and then the variations, so the variations start in part F mod N.
 */
export function mergeParts(reports: readonly SelftestReport[], startedAt: string, durationMs: number): SelftestReport {
  const interleave = <T>(lists: ReadonlyArray<readonly T[]>, first: number): T[] => {
    const out: T[] = [];
    const cursors = lists.map(() => 0);
    const total = lists.reduce((n, l) => n + l.length, 0);
    for (let k = 0; out.length < total; k++) {
      const part = (first + k) % lists.length;
      out.push(lists[part]![cursors[part]!++]!);
    }
    return out;
  };
  const faults = interleave(reports.map((r) => r.faults), 0);
  const variations = interleave(reports.map((r) => r.variations), faults.length % Math.max(1, reports.length));
  return selftestReport({
    startedAt,
    durationMs,
    ...(reports[0]?.mode !== undefined && { mode: reports[0].mode }),
    checks: reports[0]?.checks ?? 0,
    faults,
    variations,
  });
}
