/**
 * `paycert run` with the conventions users of jest, Playwright and schemathesis reach for: --bail,
 * --max-failures, globs in --check and --tag, --exclude-tag, --reporter, --quiet and the n/N
 * progress. Driven through `main` with an Io; a few checks against the embedded target, or a
 * reference target with one rule broken, started here and closed by each test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReferenceTarget } from '../profiles/viopay-pos/target';
import { tempDir } from '../testing/temp-dir';
import type { Io } from './io';
import { main } from './main';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function paycert(args: string[], env: NodeJS.ProcessEnv = { CI: 'true', NO_COLOR: '1' }, isTTY = false): Promise<Captured> {
  let out = '';
  let err = '';
  const io: Io = { out: { write: (t: string) => void (out += t), ...(isTTY && { isTTY: true }) } as Io['out'], err: { write: (t: string) => void (err += t) }, env };
  const code = await main(args, io);
  return { code, out, err };
}

const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
const notRun = (dir: string) => report(dir).checks.filter((c: { failure?: { message: string } }) => c.failure?.message.startsWith('not run: ')).map((c: { check: { id: string } }) => c.check.id);

describe('paycert run --bail / --max-failures', () => {
  it('--bail stops starting checks after the first failure: the rest are not run, the summary says why, exit 1', async () => {
    // Arrange: nonce replays accepted, so pos.nonce.replay-refused (4th of the nonce checks) fails.
    const target = await startReferenceTarget({ rules: { checkNonceReplay: () => null } });
    const dir = tempDir();
    try {
      // Act
      const result = await paycert(['run', '--target', target.url, '--check', 'pos.nonce.*', '--bail', '--concurrency', '1', '--reports', dir]);
      // Assert
      expect(result.code).toBe(1);
      const stopped = notRun(dir);
      expect(stopped.length).toBeGreaterThan(5);
      expect(stopped).not.toContain('pos.nonce.replay-refused');
      expect(result.out).toContain(`the run stopped early after 1 failed check (--bail): ${stopped.length} checks not run`);
      expect(result.out).toMatch(/FAIL pos\.nonce\.replay-refused/);
    } finally {
      await target.close();
    }
  });

  it.each([[['--max-failures', '0']], [['--max-failures', 'x']], [['--bail', '--max-failures', '2']]])('%j is one line, exit 2', async (args) => {
    const result = await paycert(['run', ...args]);
    expect(result.code).toBe(2);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^paycert: --(max-failures|bail) /);
  });
});

describe('paycert run: globs, --exclude-tag, --reporter, --quiet', () => {
  it('a --check glob selects by pattern, --exclude-tag removes, --reporter json writes report.json and certificate.json only, and no console', async () => {
    // Arrange
    const dir = tempDir();
    // Act
    const result = await paycert(['run', '--check', 'pos.nonce.length-1?-*', '--exclude-tag', 'cancel*', '--reporter', 'json', '--reports', dir]);
    // Assert
    expect(result).toMatchObject({ code: 0, out: '', err: '' });
    expect(readdirSync(dir).sort()).toEqual(['certificate.json', 'report.json']);
    const ids = report(dir).checks.map((c: { check: { id: string } }) => c.check.id).sort();
    expect(ids).toContain('pos.nonce.length-11-refused');
    expect(ids).toContain('pos.nonce.length-12-accepted');
    expect(ids.every((id: string) => /^pos\.nonce\.length-1.-/.test(id))).toBe(true);
    expect(ids).not.toContain('pos.nonce.length-11-refused-on-cancel');
    expect(report(dir).filters).toMatchObject({ checks: ['pos.nonce.length-1?-*'], excludeTags: ['cancel*'] });
  });

  it('--quiet prints the verdict line alone on a run without failures; --reporter console,md (repeatable) writes summary.md only', async () => {
    const dir = tempDir();
    const result = await paycert(['run', '--check', 'pos.nonce.length-12-accepted', '--quiet', '--reporter', 'console', '--reporter', 'md', '--reports', dir]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^paycert: PARTIAL - 1 passed, 0 failed, 0 warnings, 0 skipped \(target [^\n]+\)\n$/);
    expect(readdirSync(dir)).toEqual(['summary.md']);
  });

  it('on a terminal under NO_COLOR the n/N line is rewritten in place with no escape code at all', async () => {
    const dir = tempDir();
    const result = await paycert(['run', '--check', 'pos.nonce.length-1*', '--reporter', 'console', '--reports', dir], { NO_COLOR: '1' }, true);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\r\[\d\/\d\] /);
    expect(result.out).not.toContain('\u001b');
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });

  it.each([
    [['--check', 'pos.nonse.*'], "paycert: --check pos.nonse.* matches no check id of this run (* is any characters, ? one; run 'paycert list checks --profile viopay-pos')\n"],
    [['--tag', 'refnd*'], "paycert: --tag refnd* matches no tag of this run (* is any characters, ? one; run 'paycert list tags --profile viopay-pos')\n"],
    [['--exclude-tag', 'nonse'], `paycert: --exclude-tag nonse is not a tag of this run (did you mean "nonce"? or run 'paycert list tags --profile viopay-pos')\n`],
    [['--reporter', 'console,jsno'], 'paycert: --reporter jsno is not a reporter (did you mean "json"?)\n'],
    [['--reporter', 'tap'], 'paycert: --reporter tap is not a reporter (reporters: console, json, junit, md, html)\n'],
  ])('%j is one line, exit 2, with a hint', async (args, stderr) => {
    const result = await paycert(['run', ...args, '--reports', tempDir()]);
    expect(result).toMatchObject({ code: 2, err: stderr });
  });
});
