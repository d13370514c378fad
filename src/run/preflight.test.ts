import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startReferenceTarget } from '../profiles/viopay-pos/target';
import { startVpwsTarget } from '../profiles/vpws/target/server';
import { preflight } from './preflight';
import { referenceTarget } from './resolve-target';

/** A server that answers 404 to everything, as a wrong base URL does. */
async function notFoundEverywhere(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('preflight', () => {
  it('passes a correctly configured POS target', async () => {
    const running = await startReferenceTarget();
    try {
      expect(await preflight(referenceTarget(running.url, running.stateUrl, false), 10_000)).toBeNull();
    } finally {
      await running.close();
    }
  });

  it('names the credentials when a correctly signed charge is refused (a wrong hmac_secret)', async () => {
    // Arrange
    const running = await startReferenceTarget();
    try {
      const base = referenceTarget(running.url, running.stateUrl, false);
      const target = { ...base, settings: { ...(base.settings as object), hmacSecret: 'not-the-secret' }, source: 'target.yaml' };
      // Act
      const diagnosis = await preflight(target, 10_000);
      // Assert
      expect(diagnosis).toMatch(/^the target refused a correctly signed charge with 401 \(4001: .*\): check hmac_secret, key_id \(hmac-key-2025-01\) and terminal_id \(TERM-001\) in target\.yaml/);
      expect(diagnosis).not.toContain('not-the-secret');
    } finally {
      await running.close();
    }
  });

  it('names the base URL when the API answers 404 (POS, VPWS and Viva)', async () => {
    const server = await notFoundEverywhere();
    try {
      expect(await preflight(referenceTarget(server.url, undefined, false), 10_000)).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/pos\/charge answered 404: is base_url/);
      expect(await preflight(referenceTarget(server.url, undefined, false, 'vpws'), 10_000)).toMatch(/\/vpws\/payment\/cancel answered 404: is base_url/);
      expect(await preflight(referenceTarget(server.url, undefined, false, 'viva-interapp'), 10_000)).toMatch(/\/interapp answered 404: is base_url/);
    } finally {
      await server.close();
    }
  });

  it('names the dealer whose token a VPWS target refuses', async () => {
    const running = await startVpwsTarget();
    try {
      const target = referenceTarget(running.url, running.stateUrl, false, 'vpws');
      expect(await preflight(target, 10_000)).toBeNull();
      const { tokens } = target.settings as { tokens: Record<string, string> };
      const diagnosis = await preflight({ ...target, settings: { tokens: { ...tokens, dealer_b: 'paycert-wrong-token' } } }, 10_000);
      expect(diagnosis).toMatch(/^the target refused tokens\.dealer_b with 401/);
      expect(diagnosis).not.toContain('paycert-wrong-token');
    } finally {
      await running.close();
    }
  });
});
