import type { CheckInfo, RunReport } from '../core/types';
import { colorEnabled, ConsoleReporter } from './console-reporter';
import { EXPIRED, FAILED, FIXED, KNOWN, PASSED, sampleReport, SKIPPED, WARNING } from './sample-report';

/** Runs a whole report through a ConsoleReporter and returns what it wrote. */
async function run(report: RunReport, options: { color?: boolean; ci?: boolean; quiet?: boolean; progress?: 'live' | 'plain' | 'off' }): Promise<string> {
  let text = '';
  const reporter = new ConsoleReporter({ out: { write: (chunk) => void (text += chunk) }, ...options });
  const checks: CheckInfo[] = report.checks.map((r) => r.check);
  await reporter.onBegin(report, checks);
  for (const result of report.checks) await reporter.onCheckEnd(result);
  await reporter.onEnd(report);
  return text;
}

const report = sampleReport([PASSED, FAILED, WARNING, SKIPPED]);

describe('ConsoleReporter', () => {
  it('without colour writes PASS/FAIL/WARN/SKIP words and no escape code at all', async () => {
    // Act
    const text = await run(report, { color: false });
    // Assert
    expect(text).not.toContain('\u001b');
    const lines = text.split('\n');
    expect(lines[0]).toBe('paycert 0.1.0: 4 checks against http://127.0.0.1:1234 (viopay-pos/1)');
    expect(lines[1]).toBe('PASS sig.valid A correctly signed charge is accepted (12 ms)');
    expect(lines[2]).toMatch(/^FAIL nonce\.replay .* \(30 ms\)$/);
    expect(lines[3]).toBe(`    expected 401, got 200 <&"'>`);
    expect(text).toContain('WARN ts.forms');
    expect(text).toContain('SKIP cancel.pending A pending charge can be cancelled\n    the target declares no pending test card');
  });

  it('with colour writes ticks in colour', async () => {
    const text = await run(report, { color: true });
    expect(text).toContain('\u001b[32m✔\u001b[39m sig.valid');
    expect(text).toContain('\u001b[31m✘\u001b[39m nonce.replay');
    expect(text).toContain('\u001b[33m⚠\u001b[39m ts.forms');
    expect(text).toContain('\u001b[90m○\u001b[39m cancel.pending');
  });

  it('in CI writes plain words even when colour was asked for', async () => {
    const text = await run(report, { color: true, ci: true });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('FAIL nonce.replay');
  });

  it('ends with the failures in full and a verdict line whose counts match the report', async () => {
    // Act
    const text = await run(report, { color: false });
    // Assert
    expect(text).toContain('Failures (1)');
    expect(text).toContain('paycert run --check nonce.replay --seed=42 --path=0:1');
    const last = text.trimEnd().split('\n').pop();
    expect(last).toBe('paycert: NOT CERTIFIED - 1 passed, 1 failed, 1 warning, 1 skipped (target http://127.0.0.1:1234, 4.2 s)');
  });

  it('sums up checks that were not run in one line per reason instead of listing each in full', async () => {
    // Arrange
    const notRun = (id: string) => ({ ...FAILED, check: { ...FAILED.check, id }, failure: { checkId: id, title: 't', level: 'MUST' as const, message: 'not run: the target stopped answering (12 checks in a row got no answer)' } });
    const withNotRun = sampleReport([PASSED, FAILED, notRun('a.one'), notRun('a.two')]);
    // Act
    const text = await run(withNotRun, { color: false });
    // Assert
    expect(text).toContain('Failures (1)');
    expect(text).toContain('the target stopped answering (12 checks in a row got no answer): 2 checks not run');
    expect(text).not.toContain('[a.one]');
  });

  it('says CERTIFIED and strict in the closing line when so', async () => {
    const text = await run(sampleReport([PASSED], { strict: true }), { color: false });
    expect(text.trimEnd().split('\n').pop()).toBe('paycert: CERTIFIED - 1 passed, 0 failed, 0 warnings, 0 skipped (target http://127.0.0.1:1234, 4.2 s, strict)');
  });
});

describe('ConsoleReporter with a baseline', () => {
  const baselined = sampleReport([PASSED, KNOWN, FIXED, EXPIRED], { baseline: { file: 'b.yaml', entries: 3 } });

  it('shows each baselined check by its mark, with what the baseline says', async () => {
    // Act
    const text = await run(baselined, { color: false });
    // Assert
    expect(text).toContain('KNOWN nonce.window A nonce reused inside the window is refused (30 ms)\n    expected 401, got 200\n    known failure, not failing the run (baseline: replay store rewrite pending; ticket PAY-7; expires 2099-12-31)');
    expect(text).toContain('FIXED sig.case X-Signature is compared exactly (3 ms)\n    fixed: passed, take it out of the baseline (baseline: case-insensitive compare)');
    expect(text).toMatch(/EXPIRED nonce\.old .*\n {4}expected 401, got 200\n {4}the baseline entry has expired: it fails the run \(baseline: legacy gateway; expires 2020-01-31\)/);
  });

  it('lists known failures apart from the failures, then fixed and expired entries, and counts them in the verdict line', async () => {
    // Act
    const text = await run(baselined, { color: false });
    // Assert
    expect(text).toContain('Failures (1)');
    expect(text).not.toMatch(/Failures \(1\)[\s\S]*\[nonce\.window\][\s\S]*Known failures/);
    expect(text).toContain('Known failures (the baseline expects them; they do not fail the run): 1\n  KNOWN nonce.window expected 401, got 200 - known failure');
    expect(text).toContain('Fixed (listed in the baseline, passed: take them out of it): 1\n  FIXED sig.case - fixed');
    expect(text).toContain('Expired baseline entries (they fail the run): 1\n  EXPIRED nonce.old expected 401, got 200');
    expect(text.trimEnd().split('\n').pop()).toBe('paycert: NOT CERTIFIED - 2 passed, 1 failed, 0 warnings, 0 skipped, 1 known failure, 1 fixed, 1 expired (target http://127.0.0.1:1234, 4.2 s)');
  });

  it('names every target of a merged report', async () => {
    const merged = sampleReport([PASSED], { targets: [{ baseUrl: 'http://a:1', embedded: false }, { baseUrl: 'http://b:2', embedded: false }] });
    const text = await run(merged, { color: false });
    expect(text.trimEnd().split('\n').pop()).toContain('(targets http://a:1, http://b:2, 4.2 s)');
  });
});

describe('ConsoleReporter --quiet and progress', () => {
  const notRun = (id: string) => ({ ...FAILED, check: { ...FAILED.check, id }, failure: { checkId: id, title: 't', level: 'MUST' as const, message: 'not run: the run stopped early after 1 failed check (--bail)' } });

  it('--quiet: one line per failure, the checks not run, and the verdict; nothing else', async () => {
    // Act
    const text = await run(sampleReport([PASSED, FAILED, WARNING, SKIPPED, notRun('a.one')]), { color: false, quiet: true, progress: 'plain' });
    // Assert
    expect(text.trimEnd().split('\n')).toEqual([
      `FAIL nonce.replay: expected 401, got 200 <&"'>`,
      'the run stopped early after 1 failed check (--bail): 1 check not run (each is a failure; the reports list them)',
      'paycert: NOT CERTIFIED - 1 passed, 2 failed, 1 warning, 1 skipped (target http://127.0.0.1:1234, 4.2 s)',
    ]);
  });

  it('--quiet with --strict lists the warnings too (they fail the run then)', async () => {
    const text = await run(sampleReport([PASSED, WARNING], { strict: true }), { color: false, quiet: true });
    expect(text.split('\n')[0]).toMatch(/^WARN ts\.forms: /);
    expect(text.trimEnd().split('\n')).toHaveLength(2);
  });

  it('--quiet on a certified run prints the verdict line alone', async () => {
    const text = await run(sampleReport([PASSED]), { color: true, quiet: true });
    expect(text).toBe('\u001b[32mpaycert: CERTIFIED - 1 passed, 0 failed, 0 warnings, 0 skipped (target http://127.0.0.1:1234, 4.2 s)\u001b[39m\n');
  });

  it('plain progress puts n/N lines between the check lines, and the verdict stays the last line', async () => {
    const text = await run(sampleReport([PASSED, FAILED]), { color: false, progress: 'plain' });
    expect(text).toMatch(/^PASS sig\.valid .*\nprogress: \[1\/2\] .*\nFAIL nonce\.replay/m);
    expect(text).toMatch(/progress: \[2\/2\] .*, 1 failed\n/);
    expect(text.trimEnd().split('\n').pop()).toMatch(/^paycert: NOT CERTIFIED/);
  });
});

describe('colorEnabled', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{}, undefined, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ TERM: 'dumb' }, true, false],
  ])('env %p on a TTY %p: %p', (env, isTTY, expected) => {
    expect(colorEnabled(env, isTTY)).toBe(expected);
  });
});
