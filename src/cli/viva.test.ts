import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { main } from './main';
import { serveCommand } from './serve';

const SEED_SAMPLE = 'vivapayclient://pay/v1?callback=interapp-callback&merchantKey=SG23323424EXS3&appId=com.vivawallet.InterAppDemo&action=cancel&amount=600&shortOrderCode=1091139195&txnDateFrom=2021-03-29T00:00:00.000+0300&show_receipt=false';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['viva', ...argv], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env: {} });
  return { code, out, err };
}

describe('paycert viva lint', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'paycert-viva-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the seed sample (exit 0), warns on the missing protocol and never prints the merchantKey', async () => {
    const { code, out } = await cli('lint', SEED_SAMPLE);
    expect(code).toBe(0);
    expect(out).toMatch(/WARN viva\.request\.protocol \[SHOULD, 003_d27c3242387cebe6\.txt, PROFILE 3\/request-protocol\]/);
    expect(out).toMatch(/PASSED - 1 URI, 1 passed, 0 failed, 1 warning/);
    expect(out).not.toContain('SG23323424EXS3');
  });

  it('fails a broken URI in a log file (exit 1), naming file:line and the check id', async () => {
    const log = join(dir, 'client.log');
    writeFileSync(log, `# app log\n${SEED_SAMPLE}\n12:00 open ${SEED_SAMPLE.replace('amount=600', 'amount=6.00')}\n`);
    const { code, out } = await cli('lint', '--file', log);
    expect(code).toBe(1);
    expect(out).toContain(`FAILED  ${log}:3`);
    expect(out).toMatch(/FAIL viva\.request\.amount \[MUST, .*\] amount "6\.00" is not digits only/);
    expect(out).toMatch(/FAILED - 2 URIs, 1 passed, 1 failed/);
  });

  it('fails a URI that repeats a parameter (exit 1), naming it, with both merchantKeys redacted', async () => {
    // Act
    const { code, out } = await cli('lint', `${SEED_SAMPLE}&action=sale&merchantKey=OTHER-KEY`);
    // Assert
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL viva\.request\.unique-params \[MUST, 003_d27c3242387cebe6\.txt, PROFILE 3\/request-unique-params\] merchantKey appears 2 times/);
    expect(out).toMatch(/FAIL viva\.request\.unique-params \[MUST, .*\] action appears 2 times/);
    expect(out).not.toMatch(/SG23323424EXS3|OTHER-KEY/);
  });

  it('makes a warning fail under --strict and prints JSON with --json', async () => {
    expect((await cli('lint', '--strict', SEED_SAMPLE)).code).toBe(1);
    const { code, out } = await cli('lint', '--json', SEED_SAMPLE);
    expect(code).toBe(0);
    expect(JSON.parse(out)[0]).toMatchObject({ source: 'argument 1', verdict: 'passed' });
  });

  it('answers a user mistake in one line with exit 2', async () => {
    const noUri = await cli('lint');
    expect([noUri.code, noUri.err]).toEqual([2, 'paycert: viva lint: no URI to check (give URIs as arguments or --file FILE with one a line)\n']);
    const missing = await cli('lint', '--file', join(dir, 'nope.log'));
    expect([missing.code, missing.err]).toEqual([2, `paycert: ${join(dir, 'nope.log')}: viva lint: --file: cannot read the file (ENOENT)\n`]);
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const badKey = await cli('lint', '--aade-public-key', rsa, SEED_SAMPLE);
    expect(badKey.code).toBe(2);
    expect(badKey.err).toMatch(/not an EC P-256 public key/);
    const typo = await cli('lnt');
    expect([typo.code, typo.err]).toEqual([2, 'paycert: viva: unknown subcommand "lnt" (did you mean "paycert viva lint"?)\n']);
  });

  it('prints its help', async () => {
    const { code, out } = await cli('lint', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: paycert viva lint/);
  });
});

describe('paycert serve --profile viva-interapp', () => {
  it('serves the simulator until stopped: a cancel by shortOrderCode gets a success callback', async () => {
    // Arrange
    let out = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { out: { write: (t: string) => (out += t) }, err: { write: () => true }, env: {} };
    const serving = serveCommand(['--profile', 'viva-interapp', '--port', '0'], io, stopped);
    while (!/listening on (\S+)/.test(out)) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (\S+)/.exec(out)![1]!;
    // Act
    const res = await fetch(`${url}/interapp`, { method: 'POST', body: JSON.stringify({ uri: `${SEED_SAMPLE.replace('amount=600&shortOrderCode=1091139195&txnDateFrom=2021-03-29T00:00:00.000+0300&', 'shortOrderCode=1091159196&')}` }) });
    const { callback } = (await res.json()) as { callback: string };
    stop();
    // Assert
    expect(await serving).toBe(0);
    expect(callback).toMatch(/^interapp-callback:\/\/result\?status=success&/);
    expect(out).toContain('paycert serve: stopped');
  });

  it('serves a fault of the catalogue: the callback goes to the wrong scheme; an unknown fault name is one line with a suggestion', async () => {
    // Arrange
    let out = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { out: { write: (t: string) => (out += t) }, err: { write: () => true }, env: {} };
    const serving = serveCommand(['--profile', 'viva-interapp', '--port', '0', '--fault', 'viva-callback-wrong-scheme'], io, stopped);
    while (!/listening on (\S+)/.test(out)) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (\S+)/.exec(out)![1]!;
    // Act
    const res = await fetch(`${url}/interapp`, { method: 'POST', body: JSON.stringify({ uri: 'vivapayclient://pay/v1?callback=myapp&merchantKey=K&appId=a&action=cancel&shortOrderCode=1091159196' }) });
    const { callback } = (await res.json()) as { callback: string };
    stop();
    let err = '';
    const unknown = await main(['serve', '--profile', 'viva-interapp', '--fault', 'viva-acount-unmasked'], { out: { write: () => true }, err: { write: (t: string) => (err += t) }, env: {} });
    // Assert
    expect(await serving).toBe(0);
    expect(out).toContain('FAULT viva-callback-wrong-scheme');
    expect(callback).toMatch(/^vivapayclient:\/\/result\?status=success&/);
    expect(unknown).toBe(2);
    expect(err).toMatch(/unknown fault "viva-acount-unmasked" of viva-interapp.*did you mean "viva-account-unmasked"/);
  });

  it('names the file and line of a bad transaction book, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paycert-book-'));
    const book = join(dir, 'book.yaml');
    writeFileSync(book, 'terminal: { tid: "1" }\ntransactions:\n  - { orderCode: "1", shortOrderCode: "1", stan: "12", date: "2021-03-30T10:00:00Z", amount: 5, card: { type: V, number: "4111111111111111" } }\n');
    let err = '';
    const code = await main(['serve', '--profile', 'viva-interapp', '--book', book], { out: { write: () => true }, err: { write: (t: string) => (err += t) }, env: {} });
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^paycert: ${book.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: transactions\\[0\\]\\.stan: `));
  });
});
