/**
 * The guard between Pact's verifier and the target (issue 14 item 1): answers pass within the
 * budgets, compressed and redirecting answers are defused, a cut or a missing answer is said in a
 * header, and a target that stops answering fails every later request at once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { send } from '../client/transport';
import { startHostileTarget, type HostileTarget } from '../testing/hostile-set';
import { CUT_HEADER, NO_ANSWER_HEADER, startGuard, type Guard, type GuardBudget } from './guard';

const post = (path: string) => ({ method: 'POST', path, query: 'q=1', headers: [['Content-Type', 'application/json'], ['X-Signature', 'v1=abc']] as Array<[string, string]>, body: Buffer.from('{"a":1}') });

describe('the Pact guard', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  const guardFor = async (url: string, budget: GuardBudget = { timeoutMs: 1000 }): Promise<Guard> => {
    const guard = await startGuard(url, budget);
    closers.push(guard.close);
    return guard;
  };
  const hostile = async (kind: Parameters<typeof startHostileTarget>[0]): Promise<HostileTarget> => {
    const target = await startHostileTarget(kind);
    closers.push(target.close);
    return target;
  };

  it('forwards the request as sent and the answer as it came', async () => {
    // Arrange: a target that answers with what it received
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => res.writeHead(201, { 'Content-Type': 'application/json', 'X-Seen': `${req.method} ${req.url} ${req.headers['x-signature']}` }).end(Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const guard = await guardFor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    // Act
    const answer = await send(guard.url, post('/pos/charge'));
    // Assert
    expect(answer.status).toBe(201);
    expect(answer.headers['x-seen']).toBe('POST /pos/charge?q=1 v1=abc');
    expect(answer.body.toString()).toBe('{"a":1}');
    expect(answer.headers[CUT_HEADER]).toBeUndefined();
  });

  it('a gzip bomb reaches the verifier as the bytes sent, its encoding renamed so nothing inflates it', async () => {
    // Arrange
    const guard = await guardFor((await hostile('gzip-bomb')).url, { timeoutMs: 20_000 });
    // Act
    const answer = await send(guard.url, post('/pos/charge'), { timeoutMs: 20_000 });
    // Assert
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['x-paycert-original-content-encoding']).toBe('gzip');
    expect(answer.body.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('a redirect is handed back as the answer, its Location renamed so it is not followed', async () => {
    // Arrange
    const target = await hostile('redirect-loop');
    const guard = await guardFor(target.url);
    // Act
    const answer = await send(guard.url, post('/pos/charge'));
    // Assert
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBeUndefined();
    expect(answer.headers['x-paycert-original-location']).toMatch(/^\/loop\//);
    expect(target.requests()).toBe(1);
  });

  it('an answer over the budget is cut, and the cut said in a header', async () => {
    // Arrange
    const guard = await guardFor((await hostile('endless')).url, { timeoutMs: 5000, maxAnswerBytes: 64 * 1024 });
    // Act
    const answer = await send(guard.url, post('/pos/charge'), { timeoutMs: 5000 });
    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(64 * 1024);
    expect(answer.headers[CUT_HEADER]).toBe('answer larger than 64 KiB: truncated (the answer budget, --max-answer-bytes)');
  });

  it('no answer in time is a 502 saying why; after three in a row the target is gone and the rest fail at once', async () => {
    // Arrange
    const target = await hostile('silent');
    const guard = await guardFor(target.url, { timeoutMs: 300 });
    // Act
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send(guard.url, post('/pos/charge'), { timeoutMs: 5000 }));
    // Assert
    expect(answers.map((a) => a.status)).toEqual([502, 502, 502, 502, 502]);
    expect(answers[0]!.headers[NO_ANSWER_HEADER]).toMatch(/^timeout: no whole answer in 0.3 s/);
    expect(answers[4]!.headers[NO_ANSWER_HEADER]).toMatch(/^the target stopped answering/);
    expect(target.requests()).toBe(3);
    expect(guard.circuit.gone).toMatch(/^the target stopped answering/);
  });
});
