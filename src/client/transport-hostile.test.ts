/**
 * The transport's budgets against the hostile-target set (issue 14 item 1): whatever a target does,
 * `send` ends within its deadline with an answer to judge or a typed TransportError, and never
 * holds more than the answer budget. No timing is asserted: a deadline shows as kind "timeout".
 */
import { gunzipSync } from 'node:zlib';
import { startHostileTarget, type HostileKind, type HostileTarget } from '../testing/hostile-set';
import { decodeAnswer } from './decode';
import { ANNOUNCED_OVER_BUDGET_READ, send } from './transport';
import type { WireRequest } from './wire';

const wire = (path = '/pos/charge'): WireRequest => ({ method: 'POST', path, query: '', headers: [['Content-Type', 'application/json']], body: Buffer.from('{}') });

describe('transport against hostile targets', () => {
  const targets = new Map<HostileKind, HostileTarget>();
  const target = async (kind: HostileKind) => {
    if (!targets.has(kind)) targets.set(kind, await startHostileTarget(kind));
    return targets.get(kind)!;
  };
  afterAll(async () => {
    await Promise.all([...targets.values()].map((t) => t.close()));
  });

  it.each<[HostileKind, string]>([
    ['dripping', 'timeout'],
    ['silent', 'timeout'],
    ['resetting', 'reset'],
    ['garbage', 'reset'],
  ])('%s: a TransportError of kind %s within the deadline', async (kind, expected) => {
    // Arrange
    const { url } = await target(kind);
    // Act
    const outcome = send(url, wire(), { timeoutMs: 500 });
    // Assert
    await expect(outcome).rejects.toMatchObject({ name: 'TransportError', kind: expected });
  });

  it('bad headers: each broken header block is a TransportError, never an answer', async () => {
    // Arrange
    const { url } = await target('bad-headers');
    // Act: one request per broken form (the target serves them in turn)
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await send(url, wire(), { timeoutMs: 2000 }).then(() => 'answer', (error: { kind: string }) => error.kind));
    // Assert
    expect(outcomes).toEqual(['reset', 'reset', 'reset', 'reset']);
  });

  it('endless: the body is cut at the answer budget and said to be cut', async () => {
    // Arrange
    const { url } = await target('endless');
    // Act
    const res = await send(url, wire(), { timeoutMs: 10_000, maxResponseBytes: 256 * 1024 });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(256 * 1024);
    expect(res.truncated).toBe(true);
  });

  it('huge: an answer whose Content-Length is over the budget is cut after its start, and said so', async () => {
    // Arrange
    const { url } = await target('huge');
    const creds = { baseUrl: url, terminalId: 'T', keyId: 'k', hmacSecret: 's', msk: Buffer.alloc(32), kcvMethod: 'cmac' as const, userAgent: 'x' };
    // Act
    const res = await send(url, wire(), { timeoutMs: 10_000 });
    const decoded = decodeAnswer(res, creds);
    // Assert
    expect(res).toMatchObject({ status: 200, truncated: true, budget: 4 * 1024 * 1024, announcedBytes: 10 * 1024 * 1024 });
    expect(res.body.length).toBe(ANNOUNCED_OVER_BUDGET_READ);
    expect(decoded.problems).toEqual([{ kind: 'truncated', message: 'answer of 10485760 bytes (its Content-Length), larger than 4 MiB: truncated (the answer budget, --max-answer-bytes)' }]);
  });

  it('endless: a decoded answer names the budget it was cut at', async () => {
    // Arrange
    const { url } = await target('endless');
    const creds = { baseUrl: url, terminalId: 'T', keyId: 'k', hmacSecret: 's', msk: Buffer.alloc(32), kcvMethod: 'cmac' as const, userAgent: 'x' };
    // Act
    const decoded = decodeAnswer(await send(url, wire(), { timeoutMs: 10_000, maxResponseBytes: 64 * 1024 }), creds);
    // Assert
    expect(decoded.problems).toEqual([{ kind: 'truncated', message: 'answer larger than 64 KiB: truncated (the answer budget, --max-answer-bytes)' }]);
  });

  it('gzip bomb: the body is the compressed bytes as sent, never inflated', async () => {
    // Arrange
    const { url } = await target('gzip-bomb');
    // Act
    const res = await send(url, wire(), { timeoutMs: 20_000 });
    // Assert
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.truncated).toBe(false);
    expect(res.body.length).toBeLessThan(2 * 1024 * 1024);
    expect(gunzipSync(res.body.subarray(0, 1024), { finishFlush: 2 }).every((byte) => byte === 0)).toBe(true);
  });

  it('redirect loop: the 3xx is the answer; the Location is not followed', async () => {
    // Arrange
    const t = await target('redirect-loop');
    const before = t.requests();
    // Act
    const res = await send(t.url, wire('/pos/charge'), { timeoutMs: 2000 });
    // Assert
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(/^\/loop\//);
    expect(t.requests() - before).toBe(1);
  });
});
