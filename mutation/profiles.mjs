/**
 * What is mutated for each profile: the rule code of its reference target, as its target side
 * says (`mutate` in src/profiles/<name>/target-side.ts). Globs are relative to the repository
 * root; Stryker's `file:line:col-line:col` form mutates only part of a file, and those ranges are
 * computed here from the source each run, so unrelated edits do not shift them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');
require('../scripts/register-ts.js');
const registry = require('../src/profiles/index.ts');

/** `file:l:c-l:c` (1-based lines, 0-based columns, as Stryker reads them) for a node of a file. */
function rangeOf(file, source, node) {
  const start = source.getLineAndCharacterOfPosition(node.getStart(source));
  const end = source.getLineAndCharacterOfPosition(node.getEnd());
  return `${file}:${start.line + 1}:${start.character}-${end.line + 1}:${end.character}`;
}

const parse = (root, file) => ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);

/** In each non-test .ts file of `dir`, the `level` and `run` of every object literal whose level is 'MUST'. */
export function mustRuleRanges(root, dir) {
  const ranges = [];
  for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
    const file = `${dir}/${name}`;
    const source = parse(root, file);
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const props = new Map(node.properties.filter((p) => p.name && ts.isIdentifier(p.name)).map((p) => [p.name.text, p]));
        const level = props.get('level');
        const run = props.get('run');
        if (level && run && ts.isPropertyAssignment(level) && level.initializer.getText(source) === "'MUST'") {
          ranges.push(rangeOf(file, source, level), rangeOf(file, source, run));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return ranges;
}

/** One function declared at the top of a shared file: the part of it that is a rule of a reference target. */
export function functionRange(root, file, name) {
  const source = parse(root, file);
  const fn = source.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!fn) throw new Error(`${file} has no function ${name}: update the profile's mutate list (its target-side.ts)`);
  return rangeOf(file, source, fn);
}

/** The files (and parts of files) mutated for a profile. */
export function mutateOf(root, profile) {
  return registry.profileNamed(profile).target.mutate({
    functionRange: (file, name) => functionRange(root, file, name),
    mustRuleRanges: (dir) => mustRuleRanges(root, dir),
  });
}

/** Every registered profile. */
export const PROFILES = registry.profileNames();
