/** `paycert client` end to end: arguments, a session per ending, the reports, the exit code, no secret. */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLOW_REQUESTS, runFlow, type Behaviour } from './client-flow';
import { CLIENT_HELP, runClientCommand } from './command';
import { FAULTY_CLIENTS } from './faulty-clients';
import { publishedKeys } from './server';

function buffer() {
  let text = '';
  return { write: (t: string) => void (text += t), get text() { return text; } };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the command with `args`, the app behaving as `behaviour` once the judge listens. */
async function session(args: string[], behaviour?: Behaviour, signals?: EventEmitter) {
  const dir = mkdtempSync(join(tmpdir(), 'paycert-client-'));
  dirs.push(dir);
  const [out, err] = [buffer(), buffer()];
  let flow: Promise<void> = Promise.resolve();
  const code = await runClientCommand(['--reports', dir, ...args], { out, err }, {
    ...(signals && { signals }),
    onStart: (judge) => {
      flow = behaviour ? runFlow(judge.url, judge.keys, behaviour) : Promise.resolve();
      if (signals) signals.emit('SIGINT');
    },
  });
  await flow;
  return { code, out: out.text, err: err.text, dir };
}

const faulty = (name: string) => FAULTY_CLIENTS.find((c) => c.name === name)!.behaviour;

describe('paycert client', () => {
  it('prints its help', async () => {
    // Arrange
    const out = buffer();
    // Act
    const code = await runClientCommand(['--help'], { out, err: buffer() });
    // Assert
    expect(code).toBe(0);
    expect(out.text).toBe(CLIENT_HELP);
  });

  it.each([
    [['--profile', 'vpws'], 'only viopay-pos'],
    [['--requests', '3', '--duration', '5'], 'not both'],
    [['--port', 'x'], '--port'],
    [['--requests', '0'], '--requests'],
    [['--duration', '-1'], '--duration'],
    [['--bogus'], 'bogus'],
  ])('refuses %j with exit 2 and one line', async (args, words) => {
    // Arrange
    const [out, err] = [buffer(), buffer()];
    // Act
    const code = await runClientCommand(args, { out, err });
    // Assert
    expect(code).toBe(2);
    expect(err.text).toContain(words);
    expect(err.text.trim().split('\n')).toHaveLength(1);
    expect(out.text).toBe('');
  });

  it('judges an app that signs the plaintext: exit 1, the diagnosis on the console and in every report, no secret anywhere', async () => {
    // Act
    const { code, out, dir } = await session(['--requests', String(FLOW_REQUESTS)], faulty('plaintext-signed'));
    // Assert
    expect(code).toBe(1);
    expect(out).toContain(`#1 POST /pos/charge -> 401: 1 rule broken`);
    expect(out).toContain('FAIL client.pos.signature.valid (MUST, PROFILE 1.2/signature): X-Signature does not match the request as sent. Diagnosis: your signature is HMAC over the plaintext JSON; sign the envelope exactly as sent');
    expect(out).toContain('NOT CERTIFIED');
    const files = ['report.json', 'junit.xml', 'summary.md', 'report.html'].map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const text of [out, ...files]) {
      expect(text).toContain('client.pos.signature.valid');
      expect(text).not.toContain(publishedKeys().hmacSecret);
      expect(text.toUpperCase()).not.toContain(publishedKeys().msk.toString('hex').toUpperCase());
      expect(text).not.toContain('4111111111111111');
    }
    expect(files[0]).toContain('sign the envelope exactly as sent');
  });

  it('certifies the correct app (exit 0) after --requests N', async () => {
    // Act
    const { code, out, dir } = await session(['--requests', String(FLOW_REQUESTS)], {});
    // Assert
    expect(code).toBe(0);
    expect(out).toContain(`#${FLOW_REQUESTS} POST`);
    expect(out).toMatch(/paycert: CERTIFIED/);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  });

  it('warns on a SHOULD mistake (exit 0) and fails it under --strict (exit 1)', async () => {
    // Act
    const plain = await session(['--requests', String(FLOW_REQUESTS)], faulty('fixed-iv'));
    const strict = await session(['--requests', String(FLOW_REQUESTS), '--strict'], faulty('fixed-iv'));
    // Assert
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('WARN client.pos.envelope.fresh-iv');
    expect(strict.code).toBe(1);
  });

  it('ends on SIGINT; a session without a request is not certified and skips every check', async () => {
    // Act
    const { code, dir } = await session([], undefined, new EventEmitter());
    // Assert
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { verdict: string; counts: { skipped: number; total: number } };
    expect(report.verdict).toBe('not certified');
    expect(report.counts.skipped).toBe(report.counts.total);
  });

  it('ends after --duration S', async () => {
    // Act
    const { code, out } = await session(['--duration', '0.2']);
    // Assert
    expect(code).toBe(1);
    expect(out).toContain('ends after 0.2 s');
  });
});
