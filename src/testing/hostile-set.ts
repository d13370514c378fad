/**
 * The hostile-target set (issue 14): servers that misbehave in the ways a certification lab meets,
 * each on 127.0.0.1 on an ephemeral port, closed by whoever started it. paycert must reach a
 * verdict (or a one-line refusal) against each within its deadlines and memory budget:
 *
 * - `huge`: 200 with a 10 MiB body;
 * - `endless`: 200 with a chunked body streamed as fast as the client reads, up to 200 MiB;
 * - `dripping`: 200 and its headers at once, then the body at 1 byte a second;
 * - `silent`: accepts the connection, reads the request, never answers;
 * - `resetting`: reads the request, then resets the connection (TCP RST);
 * - `garbage`: answers bytes that are not HTTP;
 * - `bad-headers`: HTTP whose headers break the grammar, in turn: an endless header block,
 *   two different Content-Lengths, a header name with a space, a bare LF in a value;
 * - `gzip-bomb`: 200, `Content-Encoding: gzip`, about 1 MiB that inflates to 1 GiB of zeros;
 * - `redirect-loop`: every request is sent to another URL of the same target, forever.
 *
 * (The echo target, which reflects and leaks everything, is in hostile-targets.ts.)
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export const HOSTILE_KINDS = ['huge', 'endless', 'dripping', 'silent', 'resetting', 'garbage', 'bad-headers', 'gzip-bomb', 'redirect-loop'] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

export interface HostileTargetOptions {
  /**
   * Answers `GET /` (the reachability probe) with a plain 404, so a run gets past it and meets
   * the misbehaviour in its checks; by default the probe meets it too.
   */
  politeRoot?: boolean;
}

export interface HostileTarget {
  kind: HostileKind;
  url: string;
  /** Requests (or, for the raw TCP kinds, connections that sent something) seen so far. */
  requests(): number;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;
export const HUGE_BYTES = 10 * MiB;
export const ENDLESS_BYTES = 200 * MiB;
export const BOMB_INFLATED_BYTES = 1024 * MiB;

/** The 10 MiB answer: JSON that never closes (a client that parses it before the end sees garbage, not a crash). */
let hugeBody: Buffer | undefined;
function huge(): Buffer {
  if (!hugeBody) {
    hugeBody = Buffer.alloc(HUGE_BYTES, 0x61);
    hugeBody.write('{"charge_id":"ch_huge","status":"approved","pad":"');
  }
  return hugeBody;
}

/** About 1 MiB of gzip that inflates to 1 GiB of zeros: made once per test file (gzipOfZeros). */
let bomb: Buffer | undefined;
export function gzipBomb(): Promise<Buffer> {
  bomb ??= gzipOfZeros(BOMB_INFLATED_BYTES / MiB);
  return Promise.resolve(bomb);
}

/**
 * A gzip member that inflates to `mib` MiB of zeros, without deflating them all: deflating 1 GiB
 * cost 2 CPU-seconds in each test file that met the bomb. A full flush empties the compressor's
 * history, so every MiB of zeros after one becomes the same byte-aligned deflate blocks; the member
 * is the gzip header, those blocks `mib` times, an empty final block, and the CRC-32 and size of
 * the zeros (RFC 1951 and 1952).
 */
export function gzipOfZeros(mib: number): Buffer {
  const zeros = Buffer.alloc(MiB);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
  const lastBlock = Buffer.from([0x03, 0x00]);
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((mib * MiB) % 2 ** 32, 4);
  return Buffer.concat([header, ...Array<Buffer>(mib).fill(block), lastBlock, trailer]);
}

/** Writes `total` bytes of a chunked body as fast as the client reads it (the server never buffers much). */
function stream(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x62);
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"pad":"');
  pump();
}

/** One byte a second, until the client goes away. */
function drip(res: ServerResponse, timers: Set<NodeJS.Timeout>): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      timers.delete(timer);
    } else res.write('{');
  }, 1000);
  timers.add(timer);
}

/** Header blocks that break HTTP/1.1's grammar, one per request in turn. */
const BAD_HEADERS = [
  // A header block that never ends (node's parser stops at 16 KiB; others at more).
  () => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n${'X-Pad: '.concat('p'.repeat(1000), '\r\n').repeat(2048)}\r\n{}`,
  () => 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 20\r\n\r\n{}',
  () => 'HTTP/1.1 200 OK\r\nBad Header: x\r\nContent-Length: 2\r\n\r\n{}',
  () => 'HTTP/1.1 200 OK\r\nX-Split: a\nb\r\nContent-Length: 2\r\n\r\n{}',
];

const GARBAGE = Buffer.from('\x00\x01\x02 this is not HTTP \xff\xfe\r\n\r\n'.repeat(512), 'latin1');

const isProbe = (req: IncomingMessage) => req.method === 'GET' && (req.url === '/' || req.url === '');

/** Starts a hostile target of `kind` (see the file comment). */
export async function startHostileTarget(kind: HostileKind, options: HostileTargetOptions = {}): Promise<HostileTarget> {
  let count = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const bombBody = kind === 'gzip-bomb' ? await gzipBomb() : undefined;
  let server: Server;

  if (kind === 'garbage' || kind === 'bad-headers') {
    // Raw TCP: these answers cannot be written through node:http. The probe's politeness is judged from the request line.
    server = createTcpServer((socket) => {
      let seen = '';
      socket.on('data', (data: Buffer) => {
        const first = seen === '';
        seen += data.toString('latin1');
        if (!first) return;
        count++;
        if (options.politeRoot && /^GET \/? HTTP/.test(seen)) return void socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        socket.end(kind === 'garbage' ? GARBAGE : Buffer.from(BAD_HEADERS[(count - 1) % BAD_HEADERS.length]!(), 'latin1'));
      });
      socket.on('error', () => undefined);
    });
  } else {
    server = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => {
        count++;
        if (options.politeRoot && isProbe(req)) return void res.writeHead(404).end();
        switch (kind) {
          case 'huge':
            return void res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(HUGE_BYTES) }).end(huge());
          case 'endless':
            return stream(res, ENDLESS_BYTES);
          case 'dripping':
            return drip(res, timers);
          case 'silent':
            return; // never answers
          case 'resetting':
            return void req.socket.resetAndDestroy();
          case 'gzip-bomb':
            return void res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(bombBody!.length) }).end(bombBody);
          case 'redirect-loop':
            return void res.writeHead(302, { Location: `/loop/${count}?from=${encodeURIComponent(req.url ?? '/')}`, 'Content-Length': '0' }).end();
        }
      });
    }) as unknown as Server;
  }
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    kind,
    url,
    requests: () => count,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
