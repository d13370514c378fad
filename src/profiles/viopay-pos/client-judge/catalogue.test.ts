/**
 * The proof: the correct POS app and every legal variation pass every client check; each faulty
 * app fails exactly the checks it lists, and a signature mistake gets the diagnosis it names.
 */
import { CLIENT_CHECKS } from './checks';
import { CORRECT_CLIENT, FAULTY_CLIENTS, LEGAL_CLIENTS } from './faulty-clients';
import { caughtRight, judgeClient } from './selftest';

describe('client judge catalogue', () => {
  it('holds at least 15 faulty apps, each with a distinct name and checks that exist', () => {
    // Arrange
    const ids = new Set(CLIENT_CHECKS.map((c) => c.id));
    // Act
    const names = new Set(FAULTY_CLIENTS.map((c) => c.name));
    const unknown = FAULTY_CLIENTS.flatMap((c) => c.expectedChecks.filter((id) => !ids.has(id)));
    // Assert
    expect(FAULTY_CLIENTS.length).toBeGreaterThanOrEqual(15);
    expect(names.size).toBe(FAULTY_CLIENTS.length);
    expect(unknown).toEqual([]);
  });

  it('passes the correct app on every check, each exercised by its flow', async () => {
    // Act
    const verdict = await judgeClient(CORRECT_CLIENT);
    // Assert
    expect(verdict.failing).toEqual([]);
    expect(verdict.results.filter((r) => r.status !== 'passed').map((r) => r.check.id)).toEqual([]);
    expect(verdict.results).toHaveLength(CLIENT_CHECKS.length);
  });

  it.each(LEGAL_CLIENTS.map((c) => [c.name, c] as const))('passes the legal variation %s', async (_name, client) => {
    // Act
    const verdict = await judgeClient(client);
    // Assert
    expect(verdict.failing).toEqual([]);
  });

  it.each(FAULTY_CLIENTS.map((c) => [c.name, c] as const))('fails the faulty app %s with its checks and diagnosis', async (_name, client) => {
    // Act
    const verdict = await judgeClient(client);
    // Assert
    expect(verdict.failing).toEqual([...client.expectedChecks].sort());
    if (client.expectedDiagnosis !== undefined) expect(verdict.diagnoses).toEqual([client.expectedDiagnosis]);
    expect(caughtRight(client, verdict)).toBe(true);
  });

  it('reports a MUST mistake as failed and a SHOULD mistake as a warning', async () => {
    // Arrange
    const must = FAULTY_CLIENTS.find((c) => c.name === 'plaintext-signed')!;
    const should = FAULTY_CLIENTS.find((c) => c.name === 'fixed-iv')!;
    // Act
    const [mustVerdict, shouldVerdict] = [await judgeClient(must), await judgeClient(should)];
    // Assert
    expect(mustVerdict.results.find((r) => r.check.id === 'client.pos.signature.valid')?.status).toBe('failed');
    expect(shouldVerdict.results.find((r) => r.check.id === 'client.pos.envelope.fresh-iv')?.status).toBe('warning');
  });

  it('tells an app that sent another IV than it encrypted with that only the first block is garbled', async () => {
    // Arrange
    const client = FAULTY_CLIENTS.find((c) => c.name === 'iv-mismatch')!;
    // Act
    const verdict = await judgeClient(client);
    // Assert
    expect(verdict.results.find((r) => r.check.id === 'client.pos.envelope.plaintext-json')?.failure?.message).toContain('only its first block is garbled, so the IV sent is not the IV it was encrypted with');
  });
});
