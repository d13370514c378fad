/**
 * `--specs` end to end, through the real bin in a temporary working directory: a QA team's
 * scenario files run with the built-in checks or instead of them, their ids checked against the
 * built-in ones, their errors at file:line, globs, and a failure's replay that finds the user's
 * check again. Runs are narrowed (--tag, --check) against the embedded reference target.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

/** A user's scenario file (no `profile:`: the run's), one scenario. */
function scenario(id: string, status = 400, tags = '[amount, qa]'): string {
  return [
    'scenarios:',
    `  - id: ${id}`,
    '    title: Our team\'s check - an amount with a decimal point is refused',
    '    level: MUST',
    '    ref: { clause: 1.5/amount-format }',
    `    tags: ${tags}`,
    '    steps:',
    '      - charge: { amount: { value: "15.00" } }',
    `        expect: { status: ${status} }`,
    '',
  ].join('\n');
}

/** A working directory with qa/pos/amounts.spec.yaml (and any other files given). */
function workspace(files: Record<string, string> = { 'qa/pos/amounts.spec.yaml': scenario('pos.qa.decimal-point') }): string {
  const dir = tempDir('paycert-specs-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const ENV = { PAYCERT_CONFIG: '' };
const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8'));

describe('paycert run --specs: a user\'s scenarios with the built-in checks, or instead of them', () => {
  it('runs the user\'s scenario beside the built-in ones, says where each count came from, and shows it in the coverage', async () => {
    // Arrange
    const cwd = workspace();
    // Act
    const result = await paycert(['run', '--specs', 'qa', '--tag', 'amount', '--reports', 'reports'], ENV, cwd);
    // Assert
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const run = report(cwd);
    const ids = run.checks.map((c: { check: { id: string } }) => c.check.id);
    expect(ids).toContain('pos.qa.decimal-point');
    expect(ids).toContain('pos.amounts.decimal-point');
    // Counted before --tag narrows the run: every built-in check of the profile.
    const builtIn = Number(/^specs: 1 check from qa \(1 file\); (\d+) built-in checks$/m.exec(result.stdout)?.[1]);
    expect(builtIn).toBeGreaterThan(ids.length);
    const row = run.coverage.find((r: { clause: string }) => r.clause === '1.5/amount-format');
    expect(row.checks).toContain('pos.qa.decimal-point');
  });

  it('with --no-builtin runs only the user\'s scenario, and the verdict is PARTIAL', async () => {
    const cwd = workspace();
    const result = await paycert(['run', '--specs', 'qa', '--no-builtin', '--reports', 'reports'], ENV, cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('specs: 1 check from qa (1 file); no built-in checks (--no-builtin)');
    const run = report(cwd);
    expect(run.counts.total).toBe(1);
    expect(run.verdict).toBe('partial');
    expect(run.filters).toEqual({ noBuiltin: true });
  });

  it('a failing user check prints a replay command that runs it again, and paycert replay finds it', async () => {
    // Arrange: the user expects 200 where the reference target answers 400.
    const cwd = workspace({ 'qa/wrong.spec.yaml': scenario('pos.qa.wrong-expectation', 200) });
    // Act
    const run = await paycert(['run', '--specs', 'qa', '--no-builtin', '--reports', 'reports'], ENV, cwd);
    const line = run.stdout.split('\n').map((l) => l.trim()).find((l) => l.startsWith('paycert run '));
    // Assert
    expect(run.code).toBe(1);
    expect(line).toBe('paycert run --specs qa --no-builtin --check pos.qa.wrong-expectation');
    const again = await paycert([...line!.split(' ').slice(1), '--reports', 'again'], ENV, cwd);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^FAIL pos\.qa\.wrong-expectation /m);
    const replay = await paycert(['replay', 'reports', 'pos.qa.wrong-expectation'], ENV, cwd);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('STILL FAILING: pos.qa.wrong-expectation');
  });

  it('a bad user file stops the run before any request: file:line, exit 2', async () => {
    const cwd = workspace({ 'qa/bad.spec.yaml': scenario('pos.qa.bad').replace('status: 400', 'stauts: 400') });
    const result = await paycert(['run', '--specs', 'qa', '--reports', 'reports'], ENV, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^paycert: qa\/bad\.spec\.yaml:9:\d+: scenarios\[0\]\.steps\[0\]\.expect\.stauts: unknown field "stauts"/);
    expect(result.stdout).not.toMatch(/^PASS|^FAIL/m);
  });
});

describe('paycert lint --specs: ids, paths and globs', () => {
  it('counts the user\'s scenarios with the built-in ones, and alone with --no-builtin', async () => {
    const cwd = workspace();
    const both = await paycert(['lint', '--specs', 'qa'], ENV, cwd);
    const alone = await paycert(['lint', '--specs', 'qa', '--no-builtin'], ENV, cwd);
    const builtIn = await paycert(['lint'], ENV, cwd);
    const scenarios = (text: string) => Number(/(\d+) scenarios, no problems/.exec(text)?.[1]);
    expect(both.code).toBe(0);
    expect(scenarios(both.stdout)).toBe(scenarios(builtIn.stdout) + 1);
    expect(alone.stdout).toBe('paycert lint: 1 file, 1 scenarios, no problems (no built-in ones; --specs qa: 1 file, 1 scenarios)\n');
  });

  it('refuses an id a built-in scenario has, in one line naming both files and lines, exit 2', async () => {
    const cwd = workspace({ 'qa/dup.spec.yaml': scenario('pos.amounts.decimal-point') });
    const result = await paycert(['lint', '--specs', 'qa', '--no-builtin'], ENV, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^paycert: qa\/dup\.spec\.yaml:2: duplicate check id "pos\.amounts\.decimal-point" \(first at \S*specs\/viopay-pos\/amounts\.spec\.yaml:\d+\)\n$/);
  });

  it('refuses an id another user file has, and one a probe has', async () => {
    const cwd = workspace({ 'qa/a.spec.yaml': scenario('pos.qa.same'), 'qa/b.spec.yaml': scenario('pos.qa.same') });
    const twice = await paycert(['lint', '--specs', 'qa'], ENV, cwd);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('paycert: qa/b.spec.yaml:2: duplicate check id "pos.qa.same" (first at qa/a.spec.yaml:2)\n');
    const probe = workspace({ 'qa/p.spec.yaml': scenario('pos.probe.signature-value.suffixed-quantum') });
    const taken = await paycert(['lint', '--specs', 'qa'], ENV, probe);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/^paycert: qa\/p\.spec\.yaml:2: duplicate check id "pos\.probe\.signature-value\.suffixed-quantum" \(a built-in check's, in \S*probes\/pos-signature\.probe\.ts\)\n$/);
  });

  it('takes a glob, and refuses one that matches nothing and a path that is not there, in one line', async () => {
    const cwd = workspace({ 'qa/pos/a.spec.yaml': scenario('pos.qa.one'), 'qa/vpws/b.spec.yml': scenario('pos.qa.two'), 'qa/notes.yaml': 'not: a spec\n' });
    const glob = await paycert(['lint', '--specs', 'qa/**/*.spec.{yaml,yml}', '--no-builtin'], ENV, cwd);
    expect(glob.stdout).toBe('paycert lint: 2 files, 2 scenarios, no problems (no built-in ones; --specs qa/**/*.spec.{yaml,yml}: 2 files, 2 scenarios)\n');
    const none = await paycert(['lint', '--specs', 'qa/**/*.spec.json'], ENV, cwd);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^paycert: --specs qa\/\*\*\/\*\.spec\.json matches no scenario file .*\n$/);
    const missing = await paycert(['run', '--specs', 'nowhere'], ENV, cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^paycert: --specs nowhere: no such file or folder .*\n$/);
  });

  it('gives a file without profile: the --profile given (a POS operation in a VPWS file is refused)', async () => {
    const cwd = workspace();
    const result = await paycert(['lint', '--specs', 'qa', '--no-builtin', '--profile', 'vpws'], ENV, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('qa/pos/amounts.spec.yaml');
  });
});
