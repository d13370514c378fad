import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { main } from './main';

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
