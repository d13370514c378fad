/** The harness version, from package.json (reports carry it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

export function harnessVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
