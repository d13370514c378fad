/**
 * Issue 17: the VPWS contract verifies with pact-js's stock `Verifier`, given only the target's
 * URL, the contract file and the target's state hook: no request filter, no state handlers. What
 * a request needs (the transaction's referenceCode, the dealer's Authorization) comes from the
 * state hook's answer as Pact provider-state injected values.
 */
import '../../../pact/no-tracking';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { contractScenarios } from '../../../pact/interactions';
import { startVpwsTarget, type RunningVpwsTarget } from '../target';
import { VPWS_FAULTS_BY_NAME } from '../target/variants';
import type { VpwsTargetOptionsInput } from '../target/options';
import { generateVpwsContract } from './consumer';
import { vpwsInteractionOf } from './interaction';
import { VPWS_REFERENCE_TOKENS } from '../target/options';

const ROOT = join(__dirname, '..', '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'paycert-stock-'));
let file = '';
const running: RunningVpwsTarget[] = [];

beforeAll(async () => {
  file = await generateVpwsContract(contractScenarios(ROOT, 'vpws').map(vpwsInteractionOf), dir);
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((t) => t.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Verifies the contract against a fresh VPWS target with the stock Verifier and nothing of paycert's. */
async function stockVerify(options: VpwsTargetOptionsInput = {}): Promise<void> {
  const target = await startVpwsTarget({ ...options, port: 0, host: '127.0.0.1' });
  running.push(target);
  await new Verifier({ providerBaseUrl: target.url, pactUrls: [file], providerStatesSetupUrl: target.stateUrl }).verifyProvider();
}

/** A state URL that passes each state change on to `hookUrl` and records what the verifier sent and what the hook answered. */
async function recordingHook(hookUrl: string): Promise<{ url: string; seen: Array<{ request: unknown; status: number }>; close(): Promise<void> }> {
  const seen: Array<{ request: unknown; status: number }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(async (answer) => {
        seen.push({ request: JSON.parse(body) as unknown, status: answer.status });
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, seen, close: () => new Promise((done) => server.close(() => done())) };
}

describe("the VPWS contract under pact-js's stock Verifier", () => {
  it('holds no real token: the Authorization of a dealer is a provider-state value, and the dealer is a param of the state', () => {
    // Arrange
    const text = readFileSync(file, 'utf8');
    const pact = JSON.parse(text) as { interactions: Array<{ description: string; providerStates: Array<{ params: Record<string, unknown> }>; request: { headers?: Record<string, unknown>; generators?: { header?: Record<string, { expression: string }> } } }> };
    const byDescription = new Map(pact.interactions.map((i) => [i.description, i]));
    // Act
    const noToken = byDescription.get('a cancel without a token')!;
    const otherDealer = byDescription.get("a cancel of another dealer's transaction")!;
    // Assert
    for (const token of Object.values(VPWS_REFERENCE_TOKENS)) expect(text).not.toContain(token);
    expect(Object.keys(noToken.request.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('authorization');
    expect(otherDealer.providerStates[0]!.params).toMatchObject({ dealer: 'dealer_b', caller: 'dealer_a' });
    expect(otherDealer.request.generators?.header?.Authorization?.expression).toBe('Bearer ${token}');
  });

  it('passes against the reference target with only providerBaseUrl, pactUrls and providerStatesSetupUrl', async () => {
    // Act / Assert: verifyProvider rejects when any interaction fails.
    await expect(stockVerify().then(() => 'passed')).resolves.toBe('passed');
  }, 120_000);

  it('passes an interaction without a provider state: the hook answers the empty state the Rust verifier posts for it', async () => {
    // Arrange: the no-token interaction, without its state and with a literal referenceCode.
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: Array<Record<string, unknown> & { description: string; request: Record<string, unknown> }> };
    const noToken = pact.interactions.find((i) => i.description === 'a cancel without a token')!;
    const stateless = { ...noToken, key: undefined, description: 'a cancel without a token, with no provider state', providerStates: undefined, request: { ...noToken.request, generators: undefined, body: { content: { referenceCode: 'NTH2PNOSTATE' }, contentType: 'application/json', encoded: false } } };
    const statelessFile = join(dir, 'stateless.json');
    writeFileSync(statelessFile, JSON.stringify({ ...pact, interactions: [stateless] }));
    const target = await startVpwsTarget({ port: 0, host: '127.0.0.1' });
    running.push(target);
    const hook = await recordingHook(target.stateUrl!);
    // Act
    const outcome = await new Verifier({ providerBaseUrl: target.url, pactUrls: [statelessFile], providerStatesSetupUrl: hook.url })
      .verifyProvider()
      .then(() => 'passed', (error: unknown) => String(error))
      .finally(() => hook.close());
    // Assert
    expect(outcome).toBe('passed');
    expect(hook.seen).toContainEqual({ request: expect.objectContaining({ state: '', action: 'setup' }), status: 200 });
  }, 120_000);

  it("fails against the fault vpws-other-dealer-cancel, on the other dealer's interaction", async () => {
    // Arrange
    const fault = VPWS_FAULTS_BY_NAME.get('vpws-other-dealer-cancel')!;
    // Act
    const outcome = await stockVerify({ rules: fault.rules }).then(
      () => 'passed',
      (error: unknown) => String(error instanceof Error ? error.message : error),
    );
    // Assert
    expect(outcome).not.toBe('passed');
    const failed = (JSON.parse(outcome) as { interactionResults: Array<{ description: string; result: string }> }).interactionResults.filter((r) => !/^ok$/i.test(r.result));
    expect(failed.map((r) => r.description)).toEqual(["a cancel of another dealer's transaction"]);
  }, 120_000);

  it("runs with Pact's tracking off: the native core's environment (a child's) has PACT_DO_NOT_TRACK=true", () => {
    // jest's process.env is a copy the native core never reads; a child sees the real one, as the core does.
    const seen = spawnSync('sh', ['-c', 'printf %s "$PACT_DO_NOT_TRACK"']).stdout.toString();
    expect(seen).toBe('true');
  });
});
