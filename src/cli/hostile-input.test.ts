/**
 * The hostile inputs of issue 14, end to end: each is a one-line error on stderr and exit 2,
 * never `paycert: internal error:` with a stack trace, never a hang, never a run that then
 * fails a correct target. The target URLs go through `main` in this process (the command line
 * the bin runs); the files through the real bin, so that a FIFO that blocked would show as a
 * killed child, not a stuck test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from './main';
import { paycert, paycertProcess, type CliResult } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';
import { PACKAGE_ROOT } from './io';

/** Runs `paycert ARGS` in this process, as the bin does. */
async function inProcess(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: { write: (t: string) => (stdout += t) }, err: { write: (t: string) => (stderr += t) }, env: {} });
  return { code, stdout, stderr };
}

/** Exit 2 with only one-line errors: no stack trace, no internal error. */
function expectCleanRefusal(result: CliResult): void {
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at |TypeError|RangeError|ReferenceError|SyntaxError/);
  expect(result.stderr.trim()).not.toBe('');
}

const dir = tempDir('paycert-hostile-input-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const POS_CONFIG = (extra: string) =>
  `profile: viopay-pos\nbase_url: http://127.0.0.1:8080\nterminal_id: TERM-001\nkey_id: k1\nhmac_secret: s3cret-value\nmsk: "${'00'.repeat(32)}"\n${extra}`;

describe('target URLs (--target, base_url, state_url)', () => {
  it.each([
    ['http://127.0.0.1:99999', 'has the port "99999"'],
    ['http://127.0.0.1:-1', 'has the port "-1"'],
    ['http://127.0.0.1:abc', 'has the port "abc"'],
    ['http://127.0.0.1:65536', 'has the port "65536"'],
    ['ftp://127.0.0.1:8080', 'has the scheme ftp'],
    ['not a url', 'is not a URL'],
  ])('--target %s: one line, exit 2', async (url, problem) => {
    // Act
    const result = await inProcess('run', '--target', url, '--reports', join(dir, 'reports'));
    // Assert
    expectCleanRefusal(result);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([expect.stringContaining(`paycert: --target ${JSON.stringify(url)} ${problem}`)]);
  });

  it('a config whose state_url has port 99999 is refused at its line, before any check runs (the bin)', async () => {
    // Arrange
    const config = join(dir, 'state-port.yaml');
    writeFileSync(config, POS_CONFIG('state_url: http://127.0.0.1:99999/_conformance/state\n'));
    // Act
    const result = await paycert(['run', '--config', config, '--reports', join(dir, 'reports')], {}, PACKAGE_ROOT, 60_000);
    // Assert
    expectCleanRefusal(result);
    expect(result.stderr).toBe(`paycert: ${config}:7:12: state_url: the URL has the port "99999": a port is a number from 1 to 65535 (e.g. http://127.0.0.1:8080)\n`);
  });
});

/** The scenario files of the issue that crashed lint or passed it and then failed a correct target. */
function hostileSpecs(into: string): string[] {
  const head = 'profile: viopay-pos\nscenarios:\n';
  const scenario = (steps: string) => `${head}  - id: pos.test.one\n    title: t\n    level: MUST\n    ref: { clause: 1.2/nonce-replay }\n    steps:\n${steps}`;
  const charge = '      - as: c\n        charge: {}\n';
  const files: Record<string, string> = {
    'pattern.spec.yaml': scenario('      - charge: {}\n        expect: { fields: { charge_id: { pattern: "([a-" } } }\n'),
    'skew.spec.yaml': scenario('      - charge: {}\n        break: { timestamp: { skew: 1e308 } }\n'),
    'vpws-step.spec.yaml': scenario('      - vpws_cancel: { referenceCode: x }\n'),
    'viva-step.spec.yaml': scenario('      - viva_cancel: { orderCode: "1" }\n'),
    'relabelled.spec.yaml': readFileSync(join(PACKAGE_ROOT, 'specs', 'viopay-pos', 'refund.spec.yaml'), 'utf8').replace('profile: viopay-pos', 'profile: vpws'),
    'status-negative.spec.yaml': scenario('      - charge: {}\n        expect: { status: -200 }\n'),
    'status-huge.spec.yaml': scenario('      - charge: {}\n        expect: { status: 1e300 }\n'),
    'ok-range.spec.yaml': scenario('      - charge: {}\n        repeat: 10\n        expect_all: { ok: { min: 9, max: 1 } }\n'),
    'placeholder-open.spec.yaml': scenario(`${charge}      - cancel: { charge: "\${c.charge_id" }\n`),
    'placeholder-empty.spec.yaml': scenario(`${charge}      - cancel: { charge: "\${}" }\n`),
    'placeholder-nested.spec.yaml': scenario(`${charge}      - cancel: { charge: "\${\${c.charge_id}}" }\n`),
    'method-crlf.spec.yaml': scenario('      - raw: { method: "POST /x HTTP/1.1\\r\\nX-Injected: 1\\r\\n", path: /pos/charge }\n'),
    'alias-bomb.spec.yaml': `${Array.from({ length: 9 }, (_, i) => (i === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x, x]' : `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`)).join('\n')}\n`,
    'alias-unresolved.spec.yaml': `${head}  - *nowhere\n`,
    'deep.spec.yaml': `${head}  - ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'big-id.spec.yaml': `${head}  - id: "${'a'.repeat(20 * 1024 * 1024)}"\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(into, name), text);
  return Object.keys(files);
}

describe('scenario files: paycert lint (the bin)', () => {
  it('refuses every hostile file of the issue at once, each named with file:line:col where it has one, exit 2', async () => {
    // Arrange
    const specs = join(dir, 'specs');
    execFileSync('mkdir', ['-p', specs]);
    const names = hostileSpecs(specs);
    // Act
    const result = await paycert(['lint', specs], {}, PACKAGE_ROOT, 60_000);
    // Assert
    expectCleanRefusal(result);
    const lines = result.stderr.split('\n').filter(Boolean);
    for (const name of names) {
      const own = lines.filter((l) => l.startsWith(join(specs, name)) || l.startsWith(`paycert: ${join(specs, name)}`));
      expect([name, own.length > 0]).toEqual([name, true]);
      // The file too big to read has no line; every other refusal points at one.
      if (name !== 'big-id.spec.yaml') expect([name, own.every((l) => /\.spec\.yaml:\d+:\d+: /.test(l))]).toEqual([name, true]);
    }
    expect(lines.some((l) => /method-crlf\.spec\.yaml:\d+:\d+: .*raw\.method: method "POST \/x HTTP\/1\.1\\r\\nX-Injected: 1\\r\\n" is not an HTTP method/.test(l))).toBe(true);
  });
});

// mkfifo is in coreutils; a system without it cannot make the FIFOs these tests need.
const withFifo = existsSync('/usr/bin/mkfifo') || existsSync('/bin/mkfifo') ? describe : describe.skip;

withFifo('files that are not regular files (the bin; a read that blocked would be killed at 60 s)', () => {
  it('a FIFO given to lint, viva lint --file, serve --book, run --config, --baseline or --sign-key, or as aade_private_key is refused, never opened', async () => {
    // Arrange
    const fifo = join(dir, 'pipe.spec.yaml');
    execFileSync('mkfifo', [fifo]);
    const config = join(dir, 'viva.yaml');
    writeFileSync(config, `profile: viva-interapp\nbase_url: http://127.0.0.1:8090\nviva:\n  aade_private_key: ${fifo}\n`);
    const cases: Array<[string[], string]> = [
      [['lint', fifo], `paycert: ${fifo}: the scenario file is a FIFO (named pipe), not a regular file\n`],
      [['viva', 'lint', '--file', fifo], `paycert: ${fifo}: viva lint: --file: the file is a FIFO (named pipe), not a regular file\n`],
      [['serve', '--profile', 'viva-interapp', '--port', '0', '--book', fifo], `paycert: ${fifo}: the transaction book is a FIFO (named pipe), not a regular file\n`],
      [['run', '--config', fifo, '--reports', join(dir, 'reports')], `paycert: ${fifo}: the config file is a FIFO (named pipe), not a regular file\n`],
      [['run', '--baseline', fifo, '--reports', join(dir, 'reports')], `paycert: ${fifo}: the baseline file is a FIFO (named pipe), not a regular file\n`],
      [['run', '--sign-key', fifo, '--reports', join(dir, 'reports')], `paycert: --sign-key ${fifo}: the key file is a FIFO (named pipe), not a regular file\n`],
      [
        ['run', '--config', config, '--reports', join(dir, 'reports')],
        `paycert: ${config}:4:21: viva.aade_private_key: the file "${fifo}" is a FIFO (named pipe), not a regular file (give the path of a PEM file, relative to this config, or the PEM text itself)\n`,
      ],
    ];
    // Act: all at once (each is a process start)
    const results = await Promise.all(cases.map(([args]) => paycertProcess(args, {}, PACKAGE_ROOT, 60_000)));
    // Assert
    results.forEach((result, i) => {
      expectCleanRefusal(result);
      expect(result.stderr).toBe(cases[i]![1]);
    });
  });
});

describe('serve --book with an alias bomb (the bin)', () => {
  it('is one line naming the book, exit 2, before listening', async () => {
    // Arrange
    const book = join(dir, 'bomb-book.yaml');
    writeFileSync(book, `${Array.from({ length: 9 }, (_, i) => (i === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x, x]' : `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`)).join('\n')}\n`);
    // Act
    const result = await paycert(['serve', '--profile', 'viva-interapp', '--port', '0', '--book', book], {}, PACKAGE_ROOT, 60_000);
    // Assert
    expectCleanRefusal(result);
    expect(result.stderr).toMatch(new RegExp(`^paycert: ${book.replace(/[.]/g, '\\.')}:2:\\d+: its aliases expand too far`));
    expect(result.stdout).not.toMatch(/listening/);
  });
});
