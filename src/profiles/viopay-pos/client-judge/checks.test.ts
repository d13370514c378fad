/**
 * Client checks judged on requests made by hand (no server): the edges a near-miss app would sit
 * on, and that legal choices are never held against an app.
 */
import { newNonce } from '../../../client';
import { sampleCharge } from '../../../client/fixtures';
import { PATHS, TIMESTAMP_WINDOW_SECONDS } from '../../../profile/pos';
import { CLIENT_CHECKS } from './checks';
import { ivPredictability } from './checks-body';
import { predictability, REPLAY_MEMORY_MS } from './checks-nonce';
import { randomBytes } from 'node:crypto';
import { RETRY_WINDOW_MS } from './checks-retry';
import { JUDGED_CLAUSES } from './clauses';
import { receivedRequest } from './request-fixture';
import { publishedKeys } from './server';
import { ClientSession } from './session';
import type { RequestBreaks, RequestSpec } from '../../../client';

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const charge = (stan = '000001'): RequestSpec => ({ method: 'POST', path: PATHS.charge, plaintext: { ...sampleCharge({}, T0), stan } });

/** Judges requests in order; returns the ids each one broke. */
function judgeAll(requests: Array<{ spec: RequestSpec; at: number; breaks?: RequestBreaks }>): string[][] {
  const session = new ClientSession(publishedKeys(), 'http://127.0.0.1:1');
  return requests.map(({ spec, at, breaks }, i) => session.judge(receivedRequest(spec, { index: i + 1, receivedAt: at, ...(breaks && { breaks }) })).breaches.map((b) => b.check.id));
}

describe('client checks', () => {
  it('cite clauses the judge certifies, at the clause level, and cover every MUST and SHOULD clause', () => {
    // Arrange
    const byId = new Map(JUDGED_CLAUSES.map((c) => [c.id, c]));
    // Act
    const mismatched = CLIENT_CHECKS.filter((c) => byId.get(c.ref.clause)?.level !== c.level).map((c) => c.id);
    const uncovered = JUDGED_CLAUSES.filter((c) => c.level !== 'MAY' && !CLIENT_CHECKS.some((k) => k.ref.clause === c.id)).map((c) => c.id);
    // Assert
    expect(mismatched).toEqual([]);
    expect(uncovered).toEqual([]);
    expect(new Set(CLIENT_CHECKS.map((c) => c.id)).size).toBe(CLIENT_CHECKS.length);
    expect(CLIENT_CHECKS.every((c) => /^client\.pos\.[a-z-]+\.[a-z-]+$/.test(c.id))).toBe(true);
  });

  it('accepts a timestamp exactly 300 s off and refuses one 301 s off, both directions', () => {
    // Arrange
    const at = (skewSeconds: number) => ({ spec: charge(String(skewSeconds)), at: T0, breaks: { timestamp: { skewSeconds } } });
    // Act
    const results = judgeAll([at(TIMESTAMP_WINDOW_SECONDS), at(-TIMESTAMP_WINDOW_SECONDS), at(TIMESTAMP_WINDOW_SECONDS + 1), at(-TIMESTAMP_WINDOW_SECONDS - 1)]);
    // Assert
    expect(results.map((ids) => ids.includes('client.pos.timestamp.accurate'))).toEqual([false, false, true, true]);
  });

  it('calls a repeated nonce a replay inside the window and a restart repeat after it', () => {
    // Arrange
    const nonce = newNonce();
    // Act
    const [, soon, late] = judgeAll([
      { spec: charge('1'), at: T0, breaks: { nonce } },
      { spec: charge('2'), at: T0 + 1000, breaks: { nonce } },
      { spec: charge('3'), at: T0 + 1000 + REPLAY_MEMORY_MS + 1, breaks: { nonce } },
    ]);
    // Assert
    expect(soon).toEqual(['client.pos.nonce.unique']);
    expect(late).toEqual(['client.pos.nonce.across-restarts']);
  });

  it('never flags random nonces as predictable, and flags counters, clocks and stems', () => {
    // Arrange
    const random = Array.from({ length: 2000 }, () => newNonce(12));
    // Act
    const flagged = random.filter((n, i) => i > 0 && predictability(n, random[i - 1]) !== null);
    // Assert
    expect(flagged).toEqual([]);
    expect(predictability('000000000002', '000000000001')).not.toBeNull();
    expect(predictability('1764504000123', '1764504000001')).not.toBeNull();
    expect(predictability('posapp00000017', 'posapp00000016')).not.toBeNull();
    expect(predictability('posapp9f2kq81zzQ', 'posapp1m4ty7aabW')).toBeNull();
    expect(predictability('aaaaaaaaaaaa', undefined)).not.toBeNull();
    expect(predictability('a1b2c3d4e5f6', undefined)).toBeNull();
  });

  it('counts the same charge as a retry only within the retry window', () => {
    // Arrange
    const spec = { ...charge('9'), idempotencyKey: 'k-1' };
    const withoutKey = charge('9');
    // Act
    const [, within] = judgeAll([{ spec, at: T0 }, { spec: withoutKey, at: T0 + RETRY_WINDOW_MS }]);
    const [, after] = judgeAll([{ spec, at: T0 }, { spec: withoutKey, at: T0 + RETRY_WINDOW_MS + 1 }]);
    // Assert
    expect(within).toEqual(['client.pos.idempotency.retry-key']);
    expect(after).toEqual([]);
  });

  it('holds a retry with the same key and different charges without keys', () => {
    // Arrange
    const spec = { ...charge('5'), idempotencyKey: 'k-5' };
    // Act
    const results = judgeAll([{ spec, at: T0 }, { spec, at: T0 + 5000 }, { spec: charge('6'), at: T0 + 6000 }, { spec: charge('7'), at: T0 + 7000 }]);
    // Assert
    expect(results).toEqual([[], [], [], []]);
  });

  it('flags an all-zero IV at once and a random IV only when it comes back', () => {
    // Arrange
    const iv = 'C0FFEE00112233445566778899AABBCC';
    // Act
    const results = judgeAll([
      { spec: charge('1'), at: T0, breaks: { envelope: { iv: '0'.repeat(32) } } },
      { spec: charge('2'), at: T0 + 1, breaks: { envelope: { iv } } },
      { spec: charge('3'), at: T0 + 2, breaks: { envelope: { iv: iv.toLowerCase() } } },
    ]);
    // Assert
    expect(results).toEqual([['client.pos.envelope.fresh-iv'], [], ['client.pos.envelope.fresh-iv']]);
  });

  it('judges the plaintext sent in clear, and nothing of the envelope, for a plaintext body', () => {
    // Act
    const [ids] = judgeAll([{ spec: { ...charge(), plaintext: { ...sampleCharge({}, T0), amount: { value: 15, currency: 'EUR' } } }, at: T0, breaks: { plaintextBody: true } }]);
    // Assert
    expect(ids?.sort()).toEqual(['client.pos.body.encrypted', 'client.pos.plaintext.amount-format']);
  });

  it('finds an unknown route and a refund without a body', () => {
    // Act
    const results = judgeAll([
      { spec: { method: 'POST', path: '/pos/charges' }, at: T0 },
      { spec: { method: 'POST', path: PATHS.refund('ch_1') }, at: T0 + 1 },
    ]);
    // Assert
    expect(results).toEqual([['client.pos.route.known'], ['client.pos.body.encrypted']]);
  });

  it('never flags random IVs as predictable, and flags counters and fixed halves', () => {
    // Arrange
    const ivs = Array.from({ length: 2000 }, () => randomBytes(16).toString('hex').toUpperCase());
    // Act
    const flagged = ivs.filter((iv, i) => i > 0 && ivPredictability(iv, ivs[i - 1]!) !== null);
    // Assert
    expect(flagged).toEqual([]);
    expect(ivPredictability('00000000000000000000000000000002', '00000000000000000000000000000001')).not.toBeNull();
    expect(ivPredictability('0123456789ABCDEF' + 'A'.repeat(16), '0123456789ABCDEF' + 'B'.repeat(16))).not.toBeNull();
  });
});
