/** The diagnosis of a bad signature: each known mistake is named; anything else is "none". */
import { canonicalBytes } from '../../../crypto/canonical';
import { sampleCharge } from '../../../client/fixtures';
import { HEADER, PATHS } from '../../../profile/pos';
import { macHeader, wireParts } from './client-flow';
import { diagnoseSignature } from './diagnose';
import type { RequestSpec } from '../../../client';
import { factsOf } from './facts';
import { asReceived, fixtureClient } from './request-fixture';
import { publishedKeys } from './server';

const keys = publishedKeys();
const at = Date.UTC(2026, 10, 30, 12, 0, 0);

/** A charge (or a cancel) whose X-Signature is `sign` over its sent parts. */
function signedWith(sign: (parts: ReturnType<typeof wireParts>) => string, spec: RequestSpec = { method: 'POST', path: PATHS.charge, plaintext: sampleCharge({}, at), query: '' }) {
  const wire = fixtureClient(() => at).build(spec);
  const value = sign(wireParts(wire));
  const request = asReceived({ ...wire, headers: wire.headers.map(([n, v]) => [n, n === HEADER.signature ? value : v]) }, 1, at);
  return diagnoseSignature(request, factsOf(request, keys), keys);
}

describe('diagnoseSignature', () => {
  it('names the plaintext signed instead of the envelope', () => {
    // Arrange
    const plaintext = sampleCharge({}, at);
    // Act
    const diagnosis = signedWith((p) => macHeader(keys.hmacSecret, canonicalBytes({ ...p, body: JSON.stringify(plaintext) })), { method: 'POST', path: PATHS.charge, plaintext, query: '' });
    // Assert
    expect(diagnosis.mistake).toBe('plaintext-signed');
    expect(diagnosis.message).toContain('sign the envelope exactly as sent');
  });

  it('names a trailing newline on a cancel (empty body)', () => {
    // Act
    const diagnosis = signedWith((p) => macHeader(keys.hmacSecret, Buffer.concat([canonicalBytes(p), Buffer.from('\n')])), { method: 'POST', path: PATHS.cancel('ch_1'), plaintext: undefined, query: '' });
    // Assert
    expect(diagnosis.mistake).toBe('trailing-newline');
  });

  it('names an element left out of the canonical string', () => {
    // Act
    const diagnosis = signedWith((p) => macHeader(keys.hmacSecret, Buffer.from([p.method, p.path, p.query, Buffer.from(p.body).toString(), p.terminalId, p.timestamp].join('\n'))));
    // Assert
    expect(diagnosis).toEqual({ mistake: 'element-left-out', message: expect.stringContaining('leaves X-Nonce out') });
  });

  it('names a right MAC written wrong: no prefix, base64url, hex', () => {
    // Arrange
    const mac = (p: ReturnType<typeof wireParts>) => macHeader(keys.hmacSecret, canonicalBytes(p)).slice(3);
    // Act
    const noPrefix = signedWith((p) => mac(p));
    const hex = signedWith((p) => Buffer.from(mac(p), 'base64').toString('hex'));
    // Assert
    expect(noPrefix.mistake).toBe('prefix-missing');
    expect(hex.mistake).toBe('hex');
  });

  it('says that no known mistake matched for another secret, and never shows the secret or a MAC', () => {
    // Act
    const diagnosis = signedWith((p) => macHeader('some-other-secret', canonicalBytes(p)));
    // Assert
    expect(diagnosis.mistake).toBe('none');
    expect(diagnosis.message).not.toContain(keys.hmacSecret);
    expect(diagnosis.message).not.toMatch(/[A-Za-z0-9+/]{43}=/);
  });

  it('names a garbled header as not a v1= base64 MAC', () => {
    // Act
    const diagnosis = signedWith(() => 'v1=not base64!');
    // Assert
    expect(diagnosis.mistake).toBe('none');
    expect(diagnosis.message).toContain('standard base64');
  });
});
