/**
 * Keeps ARCHITECTURE.md true: every import between folders of src/ must be one the table there
 * allows. The table is read from ARCHITECTURE.md itself, so the document and this test cannot
 * drift apart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The unit a file belongs to: its top folder of src/, or `profiles/<name>` inside a profile's folder. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  // `../profiles/vpws` (the folder's index.ts) is the profile too, not the registry.
  const inProfile = parts[0] === 'profiles' && (parts.length > 2 || (parts.length === 2 && isDirectory(join(SRC, 'profiles', parts[1]!))));
  return inProfile ? `profiles/${parts[1]}` : parts[0]!;
}

/** Every relative import of a non-test source file of src/: the importing file, its unit and the imported unit. */
function imports(): Array<{ file: string; from: string; to: string }> {
  const found: Array<{ file: string; from: string; to: string }> = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)[^'"]*from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      const target = resolve(dirname(file), m[1]!);
      if (target.startsWith(SRC + '/')) found.push({ file, from: folderOf(file), to: folderOf(target) });
    }
  }
  return found;
}

describe('ARCHITECTURE.md import rules', () => {
  const table = allowedImports();

  it('names every folder of src/ and every profile of src/profiles/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const profiles = readdirSync(join(SRC, 'profiles'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `profiles/${e.name}`);
    expect([...folders.filter((f) => f !== 'profiles'), ...profiles].filter((f) => !table.has(f))).toEqual([]);
  });

  it('every import between folders of src/ is allowed', () => {
    const violations = imports()
      .filter(({ from, to }) => to !== from && !table.get(from)?.has(to))
      .map(({ file, to }) => `${relative(ROOT, file)} imports ${to}/`);
    expect(violations).toEqual([]);
  });

  it('nothing outside a profile\'s folder imports from it but the registry (src/profiles/index.ts)', () => {
    // Whatever the table says: a profile is reached through the registry, so adding or removing one touches nothing else.
    const registry = join(SRC, 'profiles', 'index.ts');
    const violations = imports()
      .filter(({ file, from, to }) => to.startsWith('profiles/') && to !== from && file !== registry)
      .map(({ file, to }) => `${relative(ROOT, file)} imports ${to}/`);
    expect(violations).toEqual([]);
  });
});
