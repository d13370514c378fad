/** A POS contract request reaches the target re-encrypted and re-signed; the decrypted answer is judged against the contract's plaintext. */
import { randomBytes } from 'node:crypto';
import { open, seal } from '../../../crypto/envelope';
import { keyCheckValue } from '../../../crypto/kcv';
import { verifySignature } from '../../../crypto/signature';
import type { ContractRequest } from '../../contract-side';
import type { PosSettings } from '../settings';
import { exampleRequestEnvelope } from './examples';
import { compareAnswer, decryptedAnswerProblems, prepareSignedRequest, type PosComment } from './request';

const settings: PosSettings = { terminalId: 'TERM-9', keyId: 'key-9', hmacSecret: 'a-target-secret', msk: randomBytes(32), kcvMethod: 'cmac' };
const plaintext = { amount: { value: '1500', currency: 'EUR' } };
const comment = (extra: Partial<PosComment> = {}): PosComment => ({ interaction: 'pos.contract.charge', check: { level: 'MUST', clause: '1.5/charge-answer' }, exact_fields: ['status'], request_plaintext: plaintext, response_plaintext: { charge_id: 'ch_1', status: 'approved' }, ...extra });
const requestOf = (): ContractRequest => ({ method: 'POST', originalUrl: '/pos/charge', headers: { 'content-type': 'application/json' }, body: { ...exampleRequestEnvelope(plaintext) } });
const partsOf = (req: ContractRequest) => ({ method: 'POST', path: '/pos/charge', query: '', body: req.body as Buffer, terminalId: settings.terminalId, timestamp: String(req.headers['x-timestamp']), nonce: String(req.headers['x-nonce']) });

describe('prepareSignedRequest', () => {
  it("seals the contract's plaintext under the target's MSK and signs the bytes sent with the target's secret", () => {
    // Arrange
    const req = requestOf();
    // Act
    prepareSignedRequest(req, comment(), settings);
    // Assert
    const body = req.body as Buffer;
    expect(open(JSON.parse(body.toString('utf8')) as Record<string, unknown>, settings.msk)).toEqual(plaintext);
    expect(req.headers['content-length']).toBe(String(body.length));
    expect(req.headers['x-terminal-id']).toBe('TERM-9');
    expect(req.headers['x-key-id']).toBe('key-9');
    expect(() => verifySignature(String(req.headers['x-signature']), partsOf(req), settings.hmacSecret)).not.toThrow();
  });

  it('signs wrong on purpose for a bad-signature interaction, and dates a stale-timestamp one an hour back', () => {
    // Arrange
    const bad = requestOf();
    const stale = requestOf();
    // Act
    prepareSignedRequest(bad, comment({ intent: 'bad-signature' }), settings);
    prepareSignedRequest(stale, comment({ intent: 'stale-timestamp' }), settings);
    // Assert
    expect(() => verifySignature(String(bad.headers['x-signature']), partsOf(bad), settings.hmacSecret)).toThrow();
    expect(Date.now() - Date.parse(String(stale.headers['x-timestamp']))).toBeGreaterThan(3000_000);
  });
});

describe('decryptedAnswerProblems', () => {
  const answer = (value: unknown, kcv = keyCheckValue(settings.msk, 'cmac', 3)) => Buffer.from(JSON.stringify({ ...seal(value, settings.msk), key_kcv: kcv }));

  it("finds nothing wrong with the contract's answer, other ids and key order", () => {
    expect(decryptedAnswerProblems(comment(), 200, answer({ status: 'approved', charge_id: 'ch_other' }), settings)).toEqual([]);
  });

  it('names a missing field, a fixed field of another value, and a KCV of another key', () => {
    expect(decryptedAnswerProblems(comment(), 200, answer({ status: 'approved' }), settings)).toEqual(['the decrypted answer has no "charge_id"']);
    expect(decryptedAnswerProblems(comment(), 200, answer({ charge_id: 'ch_1', status: 'declined' }), settings)).toEqual(['the decrypted answer\'s "status" is "declined", expected "approved"']);
    expect(decryptedAnswerProblems(comment(), 200, answer({ charge_id: 'ch_1', status: 'approved' }, '000000'), settings)).toEqual(['key_kcv "000000" is not the cmac KCV of the MSK']);
  });

  it('says an answer is not JSON or does not open under the MSK; judges only 200s', () => {
    expect(decryptedAnswerProblems(comment(), 200, Buffer.from('<html>'), settings)).toEqual(['the answer is not JSON']);
    expect(decryptedAnswerProblems(comment(), 200, Buffer.from(JSON.stringify({ charge_id: 'ch_1' })), settings)[0]).toMatch(/^the answer does not open under the target's MSK: /);
    expect(decryptedAnswerProblems(comment(), 400, Buffer.from('{}'), settings)).toEqual([]);
  });
});

describe('compareAnswer', () => {
  it('holds a field that changes per run only to its type, and a string to not empty', () => {
    expect(compareAnswer(comment(), { charge_id: '', status: 'approved' })).toEqual(['the decrypted answer\'s "charge_id" is "", expected like "ch_1"']);
    expect(compareAnswer(comment(), { charge_id: 7, status: 'approved' })).toEqual(['the decrypted answer\'s "charge_id" is 7, expected like "ch_1"']);
  });
});
