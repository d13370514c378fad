/**
 * Keeps ARCHITECTURE.md true: every import between folders of src/ must be one the table there
 * allows. The table is read from ARCHITECTURE.md itself, so the document and this test cannot
 * drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const SRC = __dirname;
const ROOT = resolve(SRC, '..');

/**
 * Rows of the form `| \`folder\` | \`a\`, \`b\` | ... |` under "## Import rules". A profile's folder
 * (`profiles/vpws`) is one unit; `profiles` alone is the registry (`src/profiles/index.ts`).
 */
function allowedImports(): Map<string, Set<string>> {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const section = text.split('## Import rules')[1]?.split('\n## ')[0] ?? '';
  const table = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const folder = /^`([a-z/-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) continue;
    const targets = [...(cells[2] ?? '').matchAll(/`([a-z/-]+)`/g)].map((m) => m[1]!);
    table.set(folder, new Set(targets));
  }
  return table;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The unit a file belongs to: its top folder of src/, or `profiles/<name>` inside a profile's folder. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts[0] === 'profiles' && parts.length > 2 ? `profiles/${parts[1]}` : parts[0]!;
}

describe('ARCHITECTURE.md import rules', () => {
  const table = allowedImports();

  it('names every folder of src/ and every profile of src/profiles/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const profiles = readdirSync(join(SRC, 'profiles'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `profiles/${e.name}`);
    expect([...folders.filter((f) => f !== 'profiles'), ...profiles].filter((f) => !table.has(f))).toEqual([]);
  });

  it('every import between folders of src/ is allowed', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = folderOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        const target = resolve(dirname(file), m[1]!);
        if (!target.startsWith(SRC + '/')) continue;
        const to = folderOf(target);
        if (to !== from && !table.get(from)?.has(to)) violations.push(`${relative(ROOT, file)} imports ${to}/`);
      }
    }
    expect(violations).toEqual([]);
  });
});
