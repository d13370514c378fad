/**
 * A disk cache for the results of parsing and validating input files (spec files: their YAML
 * parsing is most of `paycert run`'s start-up). A result is stored as JSON under
 * node_modules/.cache/paycert-<namespace>/, keyed by a SHA-256 over the caller's key parts
 * (the file's text, its name as messages show it, and a salt that changes whenever the code that
 * reads such files changes). Only results are cached, never errors: a file with a problem is
 * parsed again each time and reports its problem as before. A cache that cannot be read or
 * written is simply not used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where caches live: the package's node_modules/.cache (as the TypeScript hook's compiled files). */
const CACHE_ROOT = join(__dirname, '..', '..', 'node_modules', '.cache');

export interface ParseCache {
  /** `compute()`'s result for these key parts, from the cache when it holds them. */
  get<T>(keyParts: readonly string[], compute: () => T): T;
}

/** A cache in `dir` (default: node_modules/.cache/paycert-<namespace>). */
export function parseCache(namespace: string, dir = join(CACHE_ROOT, `paycert-${namespace}`)): ParseCache {
  return {
    get<T>(keyParts: readonly string[], compute: () => T): T {
      const hash = createHash('sha256');
      for (const part of keyParts) hash.update(part).update('\0');
      const file = join(dir, `${hash.digest('hex')}.json`);
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as T;
      } catch {
        // not cached yet, or unreadable: compute it
      }
      const value = compute();
      try {
        mkdirSync(dir, { recursive: true });
        // Written aside and renamed, so a concurrent reader never sees half a file.
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(value));
        renameSync(temporary, file);
      } catch {
        // a read-only install: no cache
      }
      return value;
    },
  };
}

/**
 * A salt for the code under `dirs` (recursively, test files left out): the paths, sizes and
 * modification times of its `.ts` and `.json` files, so that editing any of them makes every
 * cached result stale. Cheap: one `stat` per file, no reading.
 */
export function codeSalt(dirs: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        const stat = statSync(path);
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\0`);
      }
    }
  };
  for (const dir of dirs) visit(dir);
  return hash.digest('hex');
}
