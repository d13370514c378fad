/**
 * Folders for the tests' files, under the OS temp folder and gone when the test file is done:
 * `npm test` made about 130 of them per run and removed none, so a CI agent's temp folder grew by
 * thousands of entries a day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

// jest evaluates this module once per test file (each file has its own module registry), so the
// hook belongs to the file that imported it. Outside jest (a bench script) the folders stay.
if (typeof afterAll === 'function') {
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

/** A new empty folder `<tmp>/<prefix>XXXXXX`, removed with its contents after the test file's last test. */
export function tempDir(prefix = 'paycert-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
