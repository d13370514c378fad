import { createServer } from 'node:http';
import { createPublicKey } from 'node:crypto';
import { decodeSignature, verifyAadeSignature } from './protocol/aade';
import { parseRequestUri } from './protocol/request';
import { makeProviderKeys } from './terminal/provider-key';
import { startTerminalSimulator } from './terminal/server';
import { TERMINAL_FAULTS_BY_NAME } from './terminal/variants';
import { listen } from '../../target-kit/http';
import { DEFAULT_CALLBACK_SCHEME, vivaClientFor } from './client';

const KEYS = makeProviderKeys();
const SETTINGS = { merchantKey: 'mk-SECRET-123', appId: 'io.test', aadeProviderId: '999', aadePrivateKeyPem: KEYS.privatePem };

const fieldsOf = (uri: string) => {
  const parsed = parseRequestUri(uri);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.request.fields;
};

/** The request URI a built request carries in its body (what the adapter reads). */
const uriOf = ({ wire }: { wire: { body: Buffer } }) => (JSON.parse(wire.body.toString()) as { uri: string }).uri;

describe('VivaClient.build', () => {
  const client = vivaClientFor('http://127.0.0.1:1', SETTINGS);

  it('writes the defaults, then the step fields over them; null leaves a parameter out', () => {
    // Act
    const { wire, expected } = client.build({ fields: { orderCode: '1091159196000136', amount: '600', protocol: null, callback: 'my-app' } });
    // Assert
    const uri = uriOf({ wire });
    expect(wire.method).toBe('POST');
    expect(wire.path).toBe('/interapp');
    expect({ ...fieldsOf(uri) }).toEqual({
      merchantKey: 'mk-SECRET-123', appId: 'io.test', action: 'cancel', amount: '600', orderCode: '1091159196000136',
      show_receipt: 'false', show_transaction_result: 'false', callback: 'my-app',
    });
    expect(expected).toEqual({ scheme: 'my-app', aade: false });
  });

  it('asks for the callback on its own scheme by default', () => {
    expect(client.build().expected.scheme).toBe(DEFAULT_CALLBACK_SCHEME);
  });

  it('adds AADE parameters signed with the provider key, or with a signature that does not verify', () => {
    // Arrange
    const publicKey = createPublicKey(KEYS.privatePem);
    // Act
    const good = fieldsOf(uriOf(client.build({ fields: { amount: '1240' }, aade: 'signed' })));
    const bad = fieldsOf(uriOf(client.build({ aade: 'bad-signature' })));
    // Assert
    expect(good.aadeProviderId).toBe('999');
    expect(good.aadeProviderSignatureData!.split(';')).toHaveLength(8);
    expect(good.aadeProviderSignatureData!.split(';')[3]).toBe('1240');
    expect(verifyAadeSignature(good.aadeProviderSignatureData!, decodeSignature(good.aadeProviderSignature!)!, publicKey)).toBe(true);
    expect(decodeSignature(bad.aadeProviderSignature!)).toHaveLength(64);
    expect(verifyAadeSignature(bad.aadeProviderSignatureData!, decodeSignature(bad.aadeProviderSignature!)!, publicKey)).toBe(false);
  });

  it('leaves out an AADE parameter the step sets to null, the rest still signed, and expects no aadeTransactionId then', () => {
    // Arrange
    const publicKey = createPublicKey(KEYS.privatePem);
    // Act
    const built = client.build({ fields: { amount: '700', aadeProviderId: null }, aade: 'signed' });
    // Assert
    const fields = fieldsOf(uriOf(built));
    expect(fields.aadeProviderId).toBeUndefined();
    expect(verifyAadeSignature(fields.aadeProviderSignatureData!, decodeSignature(fields.aadeProviderSignature!)!, publicKey)).toBe(true);
    expect(built.expected.aade).toBe(false);
    expect(client.build({ aade: 'signed' }).expected.aade).toBe(true);
  });

  it('sends another scheme://host/path when the step names one, the parameters unchanged', () => {
    // Act
    const uri = uriOf(client.build({ fields: { amount: '600' }, base: 'vivapayclient://pay/v2' }));
    // Assert
    expect(uri).toMatch(/^vivapayclient:\/\/pay\/v2\?merchantKey=mk-SECRET-123&appId=io\.test&action=cancel&amount=600&/);
  });

  it('puts raw query text before and after the built parameters, verbatim, so a parameter repeats', () => {
    // Act
    const uri = uriOf(client.build({ fields: { amount: '600' }, prependQuery: 'action=sale', appendQuery: 'amount=7%300&x=+1' }));
    // Assert
    expect(uri).toMatch(/^vivapayclient:\/\/pay\/v1\?action=sale&merchantKey=mk-SECRET-123&/);
    expect(uri).toMatch(/&amount=600&.*&amount=7%300&x=\+1$/);
    expect(parseRequestUri(uri)).toMatchObject({ ok: true, request: { repeated: ['action', 'amount'] } });
  });
});

describe('VivaClient.send', () => {
  it('reads a success callback into fields and callback parts, finds no problem, and records no merchantKey nor card number', async () => {
    // Arrange
    const sim = await startTerminalSimulator();
    const client = vivaClientFor(sim.url, SETTINGS);
    try {
      // Act
      const answer = await client.cancel({ fields: { orderCode: '1091159196000136' } });
      // Assert
      expect(answer.status).toBe(200);
      expect(answer.problems).toEqual([]);
      expect(answer.callback).toMatchObject({ scheme: DEFAULT_CALLBACK_SCHEME, host: 'result' });
      expect(answer.plaintext).toMatchObject({ status: 'success', amount: '1200', orderCode: '1091159196000136', accountNumber: '537489******1831' });
      const recorded = JSON.stringify(answer.exchange);
      expect(recorded).not.toContain('mk-SECRET-123');
      expect(recorded).toContain('merchantKey=[redacted]');
    } finally {
      await sim.close();
    }
  });

  it('lists the clause a callback breaks (wrong scheme), and masks the card number a faulty terminal shows in the record', async () => {
    // Arrange
    const rules = { ...TERMINAL_FAULTS_BY_NAME.get('viva-callback-wrong-scheme')!.rules, ...TERMINAL_FAULTS_BY_NAME.get('viva-account-unmasked')!.rules };
    const sim = await startTerminalSimulator({ rules });
    const client = vivaClientFor(sim.url, SETTINGS);
    try {
      // Act
      const answer = await client.cancel({ fields: { orderCode: '1091159196000136' } });
      // Assert
      expect(answer.problems.map((p) => p.kind === 'callback' && p.clause)).toEqual(['3/callback-fields', '3/callback-masking']);
      expect(JSON.stringify(answer.exchange)).not.toContain('5374890000041831');
    } finally {
      await sim.close();
    }
  });

  it('says so when the adapter answers no {"callback"}', async () => {
    // Arrange
    const server = createServer((_req, res) => res.end('<html>gateway</html>'));
    const { port, close } = await listen(server, 0, '127.0.0.1', () => '');
    const client = vivaClientFor(`http://127.0.0.1:${port}`, SETTINGS);
    try {
      // Act
      const answer = await client.cancel({ fields: { orderCode: '1' } });
      // Assert
      expect(answer.problems).toEqual([{ kind: 'callback', clause: '3/adapter', message: expect.stringMatching(/not JSON .*\(PROFILE 3\/adapter\)$/) }]);
      expect(answer.callback).toBeUndefined();
    } finally {
      await close();
    }
  });
});
