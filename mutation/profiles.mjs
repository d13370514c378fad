/**
 * What is mutated for each profile: the rule code of its reference target, read from the code.
 * Globs are relative to the repository root; Stryker's `file:line:col-line:col` form mutates only
 * part of a file, and those ranges are computed from the source each run, so unrelated edits do
 * not shift them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ts = createRequire(import.meta.url)('typescript');

const NOT_TESTS = '!**/*.test.ts';

/** `file:l:c-l:c` (1-based lines, 0-based columns, as Stryker reads them) for a node of a file. */
function rangeOf(file, source, node) {
  const start = source.getLineAndCharacterOfPosition(node.getStart(source));
  const end = source.getLineAndCharacterOfPosition(node.getEnd());
  return `${file}:${start.line + 1}:${start.character}-${end.line + 1}:${end.character}`;
}

const parse = (root, file) => ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);

/**
 * The request checks of src/profiles/viva-interapp/protocol/lint/checks/ that the simulator enforces (level MUST: see
 * `firstMustProblem` in src/profiles/viva-interapp/terminal/rules.ts): their `level` and their `run`. Their id,
 * title and clause only name the check in `paycert viva lint`'s output, which no terminal shows.
 */
export function lintCheckRanges(root) {
  const dir = 'src/profiles/viva-interapp/protocol/lint/checks';
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

/** One exported function of a shared file: the part of it that is a terminal rule. */
export function functionRange(root, file, name) {
  const source = parse(root, file);
  const fn = source.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!fn) throw new Error(`${file} has no function ${name}: update mutation/profiles.mjs`);
  return rangeOf(file, source, fn);
}

/** The files (and parts of files) mutated for each profile. */
export function mutateOf(root, profile) {
  switch (profile) {
    case 'viopay-pos':
      return [
        'src/profiles/viopay-pos/target/rules/**/*.ts',
        'src/profiles/viopay-pos/target/operations/*.ts',
        // The pipeline's order is a rule (PROFILE 1.2: signature before the body).
        'src/profiles/viopay-pos/target/handle.ts',
        // refundedMinor: the refund total of PROFILE 1.6.
        'src/profiles/viopay-pos/target/store.ts',
        // The status and code of each refusal (PROFILE 1.4).
        'src/profiles/viopay-pos/target/rejection.ts',
        // The critical section that keeps concurrent refunds within the charge (PROFILE 1.6).
        'src/target-kit/lock.ts',
        NOT_TESTS,
      ];
    case 'vpws':
      // shape.ts is not here: only the target's tests call it; no answer goes through it. Nor is
      // wire.ts: how the JSON goes on the wire (the liberties of any HTTP server), no PROFILE rule.
      return ['src/profiles/vpws/target/rules.ts', 'src/profiles/vpws/target/handle.ts', 'src/profiles/vpws/target/refusals.ts', 'src/profiles/vpws/target/answer.ts', NOT_TESTS];
    case 'viva-interapp':
      return [
        'src/profiles/viva-interapp/terminal/rules.ts',
        'src/profiles/viva-interapp/terminal/handle.ts',
        // The search precedence of PROFILE 3 lives in the URI model, but only the simulator calls it.
        functionRange(root, 'src/profiles/viva-interapp/protocol/request.ts', 'searchKeyOf'),
        ...lintCheckRanges(root),
        NOT_TESTS,
      ];
    default:
      throw new Error(`unknown profile ${profile}`);
  }
}

export const PROFILES = ['viopay-pos', 'vpws', 'viva-interapp'];
