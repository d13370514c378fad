/**
 * Test support: targets that misbehave on purpose, for the tests that prove paycert stays safe
 * against servers it does not control. Each binds 127.0.0.1 on an ephemeral port; the test that
 * starts one closes it.
 *
 * The echo target reflects everything it receives (every header, the query, the body, the
 * decrypted POS plaintext when it knows the MSK) back in its answers, in JSON, in text and as
 * base64 and hex, and adds whatever it is told to leak (its own configuration, say) in every
 * encoding a secret could come back in, and card numbers as JSON numbers, strings, URLs and
 * text. A harness that prints what a target says would print all of it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { open, seal } from '../crypto/envelope';
import { keyCheckValue } from '../crypto/kcv';

export interface EchoTargetOptions {
  /** Opens POS request envelopes with this MSK to reflect their plaintext, and seals every third answer with it. */
  msk?: Uint8Array;
  /** Values it leaks into every answer: in clear, hex (both cases), base64, base64url and percent-encoded. */
  leaks?: readonly string[];
  /** Card numbers it puts into every answer as JSON numbers, strings, inside URLs and in text. */
  cards?: readonly string[];
}

export interface EchoTarget {
  url: string;
  /** The state hook path of PROFILE section 4 (it echoes too). */
  stateUrl: string;
  /** Requests answered so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Every encoding of a leaked value, as a hostile target would print it. */
function encodings(value: string): Record<string, string> {
  const bytes = Buffer.from(value, 'utf8');
  return {
    clear: value,
    hex: bytes.toString('hex'),
    HEX: bytes.toString('hex').toUpperCase(),
    base64: bytes.toString('base64'),
    base64url: bytes.toString('base64url'),
    percent: encodeURIComponent(value),
  };
}

/**
 * A callback URI (PROFILE 3) to the scheme the request asked for, carrying the request URI back
 * in `message` and each of its parameters as a parameter of its own, and a card number.
 */
function callbackOf(body: Buffer, options: EchoTargetOptions): string {
  let requestUri = '';
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { uri?: unknown };
    if (typeof parsed.uri === 'string') requestUri = parsed.uri;
  } catch {
    // Not a Viva request: a callback all the same.
  }
  const params = new URLSearchParams(requestUri.split('?')[1] ?? '');
  const scheme = params.get('callback') ?? 'echo';
  const back = new URLSearchParams({ status: 'fail', action: 'cancel', message: requestUri, ...Object.fromEntries(params) });
  if (options.cards?.[0]) back.set('accountNumber', options.cards[0]);
  return `${scheme}://result?${back.toString()}`;
}

/**
 * How much of a request body is reflected: secrets sit in headers, URIs and small plaintexts, and
 * reflecting a 4 MiB probe body three times over would only make the answers (and the tests) slow.
 */
const REFLECTED_BODY_BYTES = 64 * 1024;

/** The request in every form the echo target answers with. */
function reflection(req: IncomingMessage, whole: Buffer, options: EchoTargetOptions): Record<string, unknown> {
  const body = whole.subarray(0, REFLECTED_BODY_BYTES);
  const headerText = req.rawHeaders.reduce((lines, value, i) => (i % 2 === 0 ? `${lines}${value}: ` : `${lines}${value}\n`), '');
  const query = new URL(req.url ?? '/', 'http://echo').searchParams;
  let plaintext: unknown;
  if (options.msk) {
    try {
      plaintext = open(whole, options.msk);
    } catch {
      // Not an envelope, or not for this key: only the body is reflected.
    }
  }
  return {
    // A Viva adapter's answer: a callback URI that carries the request URI back, whole and parameter by parameter.
    callback: callbackOf(body, options),
    // Fields of a POS answer, so a harness reads the answer further than its status.
    charge_id: 'ch_echo',
    status: 'approved',
    error: { code: '4000', message: `you sent ${headerText.replace(/\n/g, '; ')}` },
    method: req.method,
    url: req.url,
    headers: req.headers,
    query: Object.fromEntries(query),
    body: body.toString('utf8'),
    body_base64: body.toString('base64'),
    body_hex: body.toString('hex'),
    headers_text: headerText,
    headers_base64: Buffer.from(headerText).toString('base64'),
    headers_hex: Buffer.from(headerText).toString('hex'),
    ...(plaintext !== undefined && { plaintext, plaintext_text: JSON.stringify(plaintext) }),
    leaks: (options.leaks ?? []).map(encodings),
    cards: (options.cards ?? []).map((card) => ({ number: Number(card), text: card, url: `http://echo/charges/${card}?pan=${card}`, line: `card ${card} approved` })),
  };
}

function asText(echo: Record<string, unknown>): string {
  return Object.entries(echo)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

/** Header values may not hold line breaks; anything else a client sent can go back as it came. */
const headerSafe = (value: string) => value.replace(/[\r\n]/g, ' ');

function answer(res: ServerResponse, n: number, echo: Record<string, unknown>, req: IncomingMessage, options: EchoTargetOptions): void {
  // 200 and 400 in turn: a harness reads success and error answers differently.
  res.statusCode = n % 2 === 0 ? 200 : 400;
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') res.setHeader(`X-Echo-${name}`, headerSafe(value));
  for (const [i, leak] of (options.leaks ?? []).entries()) res.setHeader(`X-Echo-Leak-${i}`, headerSafe(`${leak} ${Buffer.from(leak).toString('base64')}`));
  for (const [i, card] of (options.cards ?? []).entries()) res.setHeader(`X-Echo-Card-${i}`, card);
  // JSON, text, sealed, each for a 200 and a 400 in turn.
  const form = Math.floor(n / 2) % 3;
  if (form === 2 && options.msk) {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(seal(echo, options.msk, { kcv: keyCheckValue(options.msk) })));
  } else if (form === 1) {
    res.setHeader('Content-Type', 'text/plain');
    res.end(asText(echo));
  } else {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(echo));
  }
}

/** Starts an echo target (see the file comment). */
export async function startEchoTarget(options: EchoTargetOptions = {}): Promise<EchoTarget> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(res, count++, reflection(req, Buffer.concat(chunks), options), req, options));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stateUrl: `${url}/_conformance/state`,
    requests: () => count,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
