/** Writing report files: the only file I/O of the reporters. */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Writes `text` to `dir/name`, creating `dir` if needed. The text goes to a temporary file first
 * and is renamed into place, so a reader (`paycert merge`, a CI upload) never sees half a report.
 * Returns the path written.
 */
export function writeReportFile(dir: string, name: string, text: string): string {
  makeDirectory(dir);
  const path = join(dir, name);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, path);
  return path;
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdirSync spins forever under /proc (ENOENT on a
 * parent that exists), where a plain mkdir fails at once with a reason.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (!statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
  for (const path of missing) mkdirSync(path);
}

/**
 * Why reports cannot be written to `dir`, in words, or null when they can: checked before a run
 * starts, so a run never ends with nowhere to put its verdict. Creates `dir` if needed and writes
 * and removes a probe file; nothing else is touched.
 */
export function reportsDirProblem(dir: string): string | null {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) return `${dir} is a file, not a directory`;
    makeDirectory(dir);
    const probe = join(dir, `.paycert-write-test.${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return `cannot write to ${dir}: ${e.code ?? ''}${e.code ? ' ' : ''}${(e.message ?? String(error)).replace(/^[A-Z]+: /, '').split(',')[0]}`.trim();
  }
}
