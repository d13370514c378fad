/**
 * issue 3, "robust against a bad target": a server that resets mid-answer, hangs, answers with
 * something that is not JSON, JSON that is not an envelope, or 10 MiB. Every check fails with a
 * one-line reason, the run goes on to its verdict (exit 1), and nothing hangs or crashes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

type Misbehaviour = (res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => void;

const MISBEHAVIOURS: Misbehaviour[] = [
  (_res, req) => req.socket.destroy(),
  () => undefined, // hang: never answer
  (res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>not json</html>'),
  (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ charge_id: 'ch_1', status: 'approved' })),
  (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(Buffer.alloc(10 * 1024 * 1024, 0x20)),
  (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
    res.write('{"format":"TR31-DATA",');
    setTimeout(() => res.socket?.destroy(), 20);
  },
];

describe('paycert run against a target that misbehaves in every way', () => {
  let server: Server;
  let url = '';
  let count = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // The reachability probe (GET /) gets an answer; every API call gets the next misbehaviour.
        if (req.method === 'GET' && req.url === '/') return void res.writeHead(404).end();
        MISBEHAVIOURS[count++ % MISBEHAVIOURS.length]!(res, req);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails each check with a one-line reason and reaches a verdict', async () => {
    const reports = tempDir();
    const checks = ['pos.nonce.length-12-accepted', 'pos.nonce.length-11-refused', 'pos.nonce.replay-refused', 'pos.nonce.long-mixed-case-accepted', 'pos.nonce.dash-refused', 'pos.nonce.underscore-refused', 'pos.nonce.space-refused', 'pos.nonce.empty-refused'];
    // --no-preflight: the preflight would stop at the first misbehaviour (exit 2); here each check meets one.
    const result = await paycert(['run', '--target', url, '--no-preflight', ...checks.flatMap((id) => ['--check', id]), '--timeout', '1', '--reports', reports]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/NOT CERTIFIED - \d+ passed, \d+ failed/);
    const report = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8'));
    const failed = report.checks.filter((c: { status: string }) => c.status === 'failed');
    expect(failed.length).toBeGreaterThan(3);
    const messages: string[] = failed.map((c: { failure: { message: string } }) => c.failure.message);
    for (const message of messages) expect(message).not.toContain('\n');
    const all = messages.join('\n');
    expect(all).toMatch(/no answer from the target: (connection reset|no answer in time)/);
    expect(all).toMatch(/not a valid answer: .*(body is not JSON|envelope|answer larger than)/);
  });
});
