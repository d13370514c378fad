/** Writing report files: the only file I/O of the reporters. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `text` to `dir/name`, creating `dir` if needed. The text goes to a temporary file first
 * and is renamed into place, so a reader (`paycert merge`, a CI upload) never sees half a report.
 * Returns the path written.
 */
export function writeReportFile(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, path);
  return path;
}
