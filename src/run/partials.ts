/**
 * Results travel from jest workers to the reporter in the main process as one small JSON file
 * per check under `<reports>/.partial-<runId>/`: written before the jest test ends, so the
 * reporter finds it when jest reports the test case.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../core/types';
import type { RunOptions } from './context';

export function partialDir(options: Pick<RunOptions, 'reportsDir' | 'runId'>): string {
  return join(options.reportsDir, `.partial-${options.runId}`);
}

const fileOf = (dir: string, id: string) => join(dir, `${id}.json`);

export function writePartial(options: Pick<RunOptions, 'reportsDir' | 'runId'>, result: CheckResult): void {
  const dir = partialDir(options);
  mkdirSync(dir, { recursive: true });
  const file = fileOf(dir, result.check.id);
  writeFileSync(`${file}.tmp`, JSON.stringify(result));
  renameSync(`${file}.tmp`, file);
}

export function readPartial(options: Pick<RunOptions, 'reportsDir' | 'runId'>, id: string): CheckResult | undefined {
  try {
    return JSON.parse(readFileSync(fileOf(partialDir(options), id), 'utf8')) as CheckResult;
  } catch {
    return undefined;
  }
}

export function readAllPartials(options: Pick<RunOptions, 'reportsDir' | 'runId'>): CheckResult[] {
  const dir = partialDir(options);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as CheckResult);
}

export function clearPartials(options: Pick<RunOptions, 'reportsDir' | 'runId'>): void {
  rmSync(partialDir(options), { recursive: true, force: true });
}
