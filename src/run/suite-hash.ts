/**
 * A content hash of the suite a run judges with: the scenarios (specs/), probes, properties,
 * contracts and JSON Schemas (src/schemas/ and each profile's), each file's path and bytes in a
 * stable order. Two runs with the same hash applied the same checks; `paycert verify-report`
 * compares it with the harness at hand.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The suite's folders, relative to the package root, and which files in them count. */
const SUITE: ReadonlyArray<[folder: string, file: RegExp]> = [
  ['specs', /\.(spec\.yaml|schema\.json)$/],
  ['probes', /\.probe\.ts$|^index\.ts$/],
  ['properties', /\.property\.ts$|^(index|support)\.ts$/],
  ['contracts', /\.json$/],
  ['src/schemas', /\.schema\.json$/],
  ['src/profiles', /\.schema\.json$/],
];

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The suite's files, sorted by their path from `root`. */
export function suiteFiles(root: string): string[] {
  return SUITE.flatMap(([folder, pattern]) => filesUnder(join(root, folder)).filter((f) => pattern.test(f.split('/').pop()!)))
    .map((f) => relative(root, f))
    .sort();
}

/** SHA-256 (hex) over every suite file's relative path and content. */
export function suiteHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of suiteFiles(root)) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}
