/**
 * The CLI end to end, through the real bin: exit codes, reports, lint errors with positions, an
 * unreachable target, a broken rule named in the verdict, strict mode, shards and merge. Targets
 * are reference targets started here on 127.0.0.1 (ephemeral ports) and closed by each test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_CREDENTIALS, startReferenceTarget } from '../profiles/viopay-pos/target';
import { paycert, paycertProcess, servePaycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

const json = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));

/**
 * The nonce checks, less the one that waits 2.5 s before its replay (pos.nonce.replay-after-seconds):
 * these tests are about the CLI, and `--tag nonce` would wait that long each time.
 */
const NONCE_CHECKS = ['pos.nonce.replay-refused', 'pos.nonce.replay-resigned-fresh-timestamp', 'pos.nonce.length-*', 'pos.probe.nonce.*', 'prop.nonce.*'].flatMap((id) => ['--check', id]);

describe('paycert --help and usage errors', () => {
  it('the bin prints usage and exits 0', async () => {
    const result = await paycertProcess(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: paycert/);
  });

  it.each([[['run', '--help']], [['serve', '--help']], [['lint', '--help']], [['merge', '--help']]])('%j prints usage and exits 0', async (args) => {
    const result = await paycert(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: paycert/);
  });

  it('an unknown command or option is one line, exit 2, with a suggestion and no stack trace', async () => {
    const command = await paycertProcess(['rnu']);
    expect(command).toMatchObject({ code: 2, stderr: 'paycert: unknown command "rnu" (did you mean "paycert run"?)\n' });
    const option = await paycertProcess(['run', '--stirct']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('paycert: run: unknown option --stirct (did you mean --strict?)\n');
  });
});

describe('paycert lint', () => {
  it('passes the shipped specs', async () => {
    const result = await paycert(['lint']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/paycert lint: \d+ files, \d+ scenarios, no problems/);
  });

  it('names file:line:col, the path and the fix for a bad file, exit 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.spec.yaml');
    writeFileSync(file, ['profile: viopay-pos', 'scenarios:', '  - id: x.bad', '    title: t', '    level: MUST', '    ref: { clause: 1.2/nonce-replay }', '    steps:', '      - charge: {}', '        expect: { stauts: 200 }', ''].join('\n'));
    const result = await paycert(['lint', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.spec.yaml:9:19: scenarios[0].steps[0].expect.stauts: unknown field "stauts" (did you mean "status"?)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('paycert run', () => {
  it('certifies the embedded reference target: exit 0, every report written, no secret in any', async () => {
    const reports = tempDir();
    const result = await paycert(['run', '--reports', reports]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/paycert: CERTIFIED - \d+ passed, 0 failed, 0 warnings, 0 skipped/);
    const report = json(reports);
    expect(report).toMatchObject({ verdict: 'certified', profile: 'viopay-pos', counts: { failed: 0, warning: 0, skipped: 0 } });
    expect(report.counts.passed).toBeGreaterThan(50);
    expect(report.checks[0]).toEqual(expect.objectContaining({ status: 'passed', check: expect.objectContaining({ id: expect.any(String), level: expect.any(String), ref: expect.any(Object) }) }));
    const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="PROFILE 1.2"');
    const summary = readFileSync(join(reports, 'summary.md'), 'utf8');
    expect(summary).toContain('**CERTIFIED**');
    for (const text of [junit, summary, JSON.stringify(report), result.stdout]) {
      expect(text).not.toContain(REFERENCE_CREDENTIALS.hmacSecret);
      expect(text.toUpperCase()).not.toContain(REFERENCE_CREDENTIALS.msk);
      expect(text).not.toMatch(/4111111111111111|4000000000000002|4000000000000051/);
      expect(text).not.toContain('0412345678ABCDEF');
    }
  });

  it('exits 1 and names the failed check when a rule is broken (nonce replay unchecked); the failure has the exchange and a curl replay, and no secret', async () => {
    const target = await startReferenceTarget({ rules: { checkNonceReplay: () => null } });
    const reports = tempDir();
    try {
      const result = await paycert(['run', '--target', target.url, ...NONCE_CHECKS, '--runs', '3', '--reports', reports]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL pos\.nonce\.replay-refused/);
      expect(result.stdout).toMatch(/NOT CERTIFIED - \d+ passed, [1-9]\d* failed/);
      const failed = json(reports).checks.filter((c: { status: string }) => c.status === 'failed');
      expect(failed.map((c: { check: { id: string } }) => c.check.id)).toContain('pos.nonce.replay-refused');
      const summary = readFileSync(join(reports, 'summary.md'), 'utf8');
      expect(summary).toContain('curl -sS -i -X POST');
      expect(summary).not.toContain(REFERENCE_CREDENTIALS.hmacSecret);
      expect(summary).not.toContain('4111111111111111');
    } finally {
      await target.close();
    }
  });

  it('a SHOULD fault is a warning (exit 0), and fails with --strict (exit 1)', async () => {
    const target = await startReferenceTarget({ rules: { responseIv: () => Buffer.alloc(16, 7) } });
    try {
      const [lenient, strict] = await Promise.all([
        paycert(['run', '--target', target.url, '--tag', 'iv', '--runs', '3', '--reports', tempDir()]),
        paycert(['run', '--target', target.url, '--tag', 'iv', '--runs', '3', '--strict', '--reports', tempDir()]),
      ]);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toMatch(/WARN pos\./);
      expect(strict.code).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('an unreachable target: exit 2, one line, no stack trace', async () => {
    const result = await paycert(['run', '--target', 'http://127.0.0.1:1']);
    expect(result).toMatchObject({ code: 2, stderr: 'paycert: target unreachable: http://127.0.0.1:1 (connection refused)\n' });
  });

  it('a bad config: exit 2 with the field named', async () => {
    const dir = tempDir();
    const config = join(dir, 'target.yaml');
    writeFileSync(config, 'profile: viopay-pos\nbase_url: http://127.0.0.1:1\nterminal_id: T\nkey_id: k\nhmac_secret: ${NOT_SET_ANYWHERE}\nmsk: 00\n');
    const result = await paycert(['run', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('target.yaml:5:14: environment variable NOT_SET_ANYWHERE is not set');
    const missing = await paycert(['run', '--config', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: cannot read the config file: ENOENT/);
  });

  it('shards merge into the same verdict as one run', async () => {
    const [a, b, merged] = [tempDir(), tempDir(), tempDir()];
    const target = await startReferenceTarget();
    try {
      const shards = await Promise.all([
        paycert(['run', '--target', target.url, '--tag', 'signature', '--runs', '3', '--shard', '1/2', '--reports', a]),
        paycert(['run', '--target', target.url, '--tag', 'signature', '--runs', '3', '--shard', '2/2', '--reports', b]),
      ]);
      expect(shards.map((s) => s.code)).toEqual([0, 0]);
      const result = await paycert(['merge', a, b, '--out', merged]);
      expect(result.code).toBe(0);
      const total = json(a).counts.total + json(b).counts.total;
      // Both shards of 2: the shard filter goes; --tag keeps the merge PARTIAL (exit 0).
      expect(json(merged)).toMatchObject({ verdict: 'partial', filters: { tags: ['signature'] }, counts: { total, failed: 0 } });
      expect(json(merged).filters.shard).toBeUndefined();
      expect(json(a).counts.total).toBeGreaterThan(0);
      expect(json(b).counts.total).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
  });
});

describe('paycert serve', () => {
  it('--fault NAME serves the reference target with that one rule broken, and certification names the check', async () => {
    const served = await servePaycert(['--fault', 'nonce-replay-unchecked']);
    try {
      const result = await paycert(['run', '--target', served.url, ...NONCE_CHECKS, '--runs', '3', '--reports', tempDir()]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL pos\.nonce\.replay-refused/);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('an unknown fault is one line with a suggestion, exit 2', async () => {
    const result = await paycert(['serve', '--fault', 'nonce-replay-unchekced']);
    expect(result).toMatchObject({ code: 2, stderr: 'paycert: serve: unknown fault "nonce-replay-unchekced" of viopay-pos (did you mean "nonce-replay-unchecked"? or run \'paycert list faults --profile viopay-pos\')\n' });
  });

  it('serves the reference target until stopped, and it certifies', async () => {
    const served = await servePaycert([]);
    try {
      const result = await paycert(['run', '--target', served.url, ...NONCE_CHECKS, '--runs', '3', '--reports', tempDir()]);
      expect(result.code).toBe(0);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });
});

describe('plain jest: PAYCERT_TARGET=URL npx jest --selectProjects conformance', () => {
  it('gives the same verdict as paycert run: exit 1 and the failed check, with the same reports', async () => {
    const { execFile } = await import('node:child_process');
    const target = await startReferenceTarget({ rules: { checkNonceReplay: () => null } });
    const reports = tempDir();
    try {
      const code = await new Promise<number>((resolve) => {
        execFile(
          process.execPath,
          // The path before --selectProjects: that option takes a list and would read the path as a project.
          [join(__dirname, '..', '..', 'node_modules', 'jest', 'bin', 'jest.js'), 'specs/viopay-pos/nonce.spec.yaml', '--selectProjects', 'conformance'],
          { cwd: join(__dirname, '..', '..'), env: { ...process.env, PAYCERT_RUN: '', PAYCERT_TARGET: target.url, PAYCERT_REPORTS: reports, CI: 'true' } },
          (error) => resolve(error ? Number(error.code) : 0),
        );
      });
      expect(code).toBe(1);
      const report = json(reports);
      expect(report.verdict).toBe('not certified');
      expect(report.checks.filter((c: { status: string }) => c.status === 'failed').map((c: { check: { id: string } }) => c.check.id)).toContain('pos.nonce.replay-refused');
    } finally {
      await target.close();
    }
  });
});
