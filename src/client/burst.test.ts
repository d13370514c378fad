/** Bursts (./burst.ts): a race check's requests reach the target together, by construction. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inBurst, newBurst } from './burst';
import { closeConnections, send } from './transport';
import type { WireRequest } from './wire';

const BODY = Buffer.from('{"amount":"1000"}');
const wire = (tag: string): WireRequest => ({ method: 'POST', path: '/r', query: '', headers: [['X-Tag', tag]], body: BODY });

describe('a burst', () => {
  let server: Server;
  let baseUrl: string;
  /** Bytes of each request's body the target has read so far, by X-Tag. */
  const received = new Map<string, number>();
  let onData: () => void = () => undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const tag = String(req.headers['x-tag']);
      received.set(tag, 0);
      req.on('data', (chunk: Buffer) => {
        received.set(tag, (received.get(tag) ?? 0) + chunk.length);
        onData();
      });
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    closeConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => received.clear());

  it('holds back the last byte of each request until every request of the burst is written', async () => {
    // Arrange: the second member starts only when the target has read all but the last byte of the first
    const burst = newBurst(2);
    let startSecond!: () => void;
    const secondMayStart = new Promise<void>((resolve) => (startSecond = resolve));
    let firstSeen = -1;
    onData = () => {
      if (received.get('a') === BODY.length - 1 && firstSeen < 0) {
        firstSeen = received.get('a')!;
        startSecond();
      }
    };

    // Act
    const first = inBurst(burst, () => send(baseUrl, wire('a')));
    const second = inBurst(burst, async () => {
      await secondMayStart;
      // Assert (while the burst is not complete): the first request is still one byte short
      expect(received.get('a')).toBe(BODY.length - 1);
      return send(baseUrl, wire('b'));
    });
    const answers = await Promise.all([first, second]);

    // Assert: both whole once released
    expect(firstSeen).toBe(BODY.length - 1);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(received.get('a')).toBe(BODY.length);
    expect(received.get('b')).toBe(BODY.length);
  });

  it('does not wait for a member that ends without sending', async () => {
    // Arrange
    const burst = newBurst(2);
    onData = () => undefined;

    // Act
    const settled = await Promise.allSettled([inBurst(burst, () => send(baseUrl, wire('c'))), inBurst(burst, () => Promise.reject(new Error('could not build the request')))]);

    // Assert
    expect(settled[0]).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(settled[1]).toMatchObject({ status: 'rejected' });
  });

  it('does not wait for a member whose target refuses the connection', async () => {
    // Arrange: a port nothing listens on (a server just closed)
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const burst = newBurst(2);

    // Act
    const settled = await Promise.allSettled([inBurst(burst, () => send(baseUrl, wire('d'))), inBurst(burst, () => send(deadUrl, wire('e')))]);

    // Assert
    expect(settled[0]).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect(settled[1]).toMatchObject({ status: 'rejected' });
  });

  it('sends a later request of the same member without holding it back', async () => {
    // Arrange: a burst of one member that sends twice
    const burst = newBurst(1);
    // Act
    const answers = await inBurst(burst, async () => [await send(baseUrl, wire('f')), await send(baseUrl, wire('g'))]);
    // Assert
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
  });
});
