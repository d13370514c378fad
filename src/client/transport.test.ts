/** The transport against a misbehaving server: every way of not answering becomes a typed error. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PosClient } from './pos-client';
import type { PosCredentials } from './credentials';
import { DEFAULT_MAX_ANSWER_BYTES, send, TransportError } from './transport';
import type { WireRequest } from './wire';

const wire = (path: string): WireRequest => ({ method: 'POST', path, query: '', headers: [], body: Buffer.from('{}') });

describe('transport', () => {
  let server: Server;
  let url = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/hang') return;
        if (req.url === '/reset') return void req.socket.destroy();
        if (req.url === '/huge') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          return void res.end(Buffer.alloc(10 * 1024 * 1024, 0x20));
        }
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('not json');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a refused connection is kind "refused"', async () => {
    // Port 1 on loopback: nothing listens there.
    await expect(send('http://127.0.0.1:1', wire('/'))).rejects.toMatchObject({ kind: 'refused' });
  });

  it('a connection reset mid-answer is kind "reset"', async () => {
    await expect(send(url, wire('/reset'))).rejects.toMatchObject({ kind: 'reset' });
  });

  it('a hang is kind "timeout" after the per-request timeout', async () => {
    await expect(send(url, wire('/hang'), { timeoutMs: 200 })).rejects.toBeInstanceOf(TransportError);
    await expect(send(url, wire('/hang'), { timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('reads at most the default answer budget (4 MiB) of a 10 MiB answer and says it was cut', async () => {
    const res = await send(url, wire('/huge'));
    expect(res.body.length).toBe(DEFAULT_MAX_ANSWER_BYTES);
    expect(DEFAULT_MAX_ANSWER_BYTES).toBe(4 * 1024 * 1024);
    expect(res.truncated).toBe(true);
  });

  it('reads at most maxResponseBytes when given', async () => {
    const res = await send(url, wire('/huge'), { maxResponseBytes: 1000 });
    expect(res.body.length).toBe(1000);
    expect(res.truncated).toBe(true);
  });

  it('a whole answer within the budget is not marked cut', async () => {
    const res = await send(url, wire('/plain'), { maxResponseBytes: 8 });
    expect(res.body.toString()).toBe('not json');
    expect(res.truncated).toBe(false);
  });

  it('an answer that is not JSON is a decode problem, not an exception', async () => {
    const creds: PosCredentials = {
      baseUrl: url, terminalId: 'T', keyId: 'k', hmacSecret: 's', msk: Buffer.alloc(32), kcvMethod: 'cmac', userAgent: 'Viopay-POS/1',
    };
    const answer = await new PosClient(creds).cancel('ch_1');
    expect(answer.status).toBe(200);
    expect(answer.problems.map((p) => p.kind)).toEqual(['not-json']);
  });
});
