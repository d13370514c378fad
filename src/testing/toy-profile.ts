/**
 * A toy payment API, defined only for the tests, that proves a profile can be added without
 * touching anything outside its own definition (issue 15): a signed JSON echo. `POST /echo` with
 * `{"word": W}` and `X-Sig: hex(HMAC-SHA256(key, body))` answers 200 `{"echoed": W}`; a wrong or
 * missing signature answers 401. One operation (`toy_echo`), one clause, one state, one need, a
 * config field (`toy_key`, a secret), a reference target with one fault (any signature taken) and
 * one legal variation (an extra answer field), a preflight and a command. Tests register it with
 * `registerProfile(toyProfile)`.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer } from '../client/answer';
import { recordExchange } from '../client/exchange';
import { sendRecorded } from '../client/send-recorded';
import type { TransportOptions } from '../client/transport';
import type { WireRequest } from '../client/wire';
import type { ResolvedTarget } from '../config/resolved';
import type { Profile } from '../profiles';
import type { ScenarioOperation, ScenarioSession } from '../profiles/scenario-side';
import { variantNamed, type ReferenceStartOptions, type StartedReference, type TargetSide } from '../profiles/target-side';

export interface ToySettings {
  /** The HMAC key (config `toy_key`): a secret. */
  key: string;
  /** Config `toy_loud`: what the toy's one need asks for. */
  loud?: boolean;
}

export const TOY_PUBLISHED_KEY = 'toy-published-key';
const CARDS = { approved: '4111111111111111', declined: '4000000000000002' };

const sign = (body: string, key: string) => createHmac('sha256', key).update(body).digest('hex');
const settingsOf = (target: ResolvedTarget) => target.settings as ToySettings;

interface ToySession extends ScenarioSession {
  echo(word: string, badSignature: boolean): Promise<Answer>;
}

/** The toy's one operation: POST /echo {word}, signed with the target's key (or a wrong one). */
export const toyEcho: ScenarioOperation<{ word: string; bad_signature?: boolean }, ToySession> = {
  name: 'toy_echo',
  schema: { type: 'object', additionalProperties: false, required: ['word'], properties: { word: { type: 'string' }, bad_signature: { type: 'boolean' } } },
  send: (value, _step, session) => session.echo(value.word, value.bad_signature === true),
};

function toySession(target: ResolvedTarget, budget: TransportOptions): ToySession {
  return {
    now: () => Date.now(),
    async echo(word, badSignature) {
      const body = JSON.stringify({ word });
      const signature = sign(body, badSignature ? 'not-the-key' : settingsOf(target).key);
      const wire: WireRequest = { method: 'POST', path: '/echo', query: '', headers: [['Content-Type', 'application/json'], ['X-Sig', signature]], body: Buffer.from(body) };
      const response = await sendRecorded(target.baseUrl, wire, budget);
      let json: unknown;
      try {
        json = JSON.parse(response.body.toString('utf8'));
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, json, plaintext: json, problems: [], wire: { request: wire, response }, exchange: recordExchange(target.baseUrl, wire, response, json) };
    },
  };
}

/** Sends one echo of `word` signed with `key` to a toy target; its status. */
export async function signedEchoStatus(baseUrl: string, key: string, word = 'hello'): Promise<number> {
  const target: ResolvedTarget<ToySettings> = { profile: 'toy', baseUrl, cards: CARDS, settings: { key }, embedded: false, source: baseUrl };
  return (await toySession(target, { timeoutMs: 5_000 }).echo(word, false)).status;
}

const FAULTS = new Map([['toy-signature-unchecked', { name: 'toy-signature-unchecked', title: 'any signature is taken', clause: '9/echo-signed', level: 'MUST' as const, caughtBy: ['toy.echo.bad-signature'] }]]);
const VARIATIONS = new Map([['toy-extra-field', { name: 'toy-extra-field', title: 'answers carry a field the toy API does not name', clause: 'liberty' }]]);

/** The toy reference target on 127.0.0.1; with its fault it takes any signature. */
async function startToy(options: ReferenceStartOptions = {}): Promise<StartedReference> {
  const fault = options.fault === undefined ? undefined : variantNamed('toy fault', FAULTS, options.fault);
  const extra = (options.variations ?? []).map((name) => variantNamed('toy variation', VARIATIONS, name)).length > 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/echo') return void res.writeHead(404).end();
      const body = Buffer.concat(chunks).toString('utf8');
      const signed = fault !== undefined || req.headers['x-sig'] === sign(body, TOY_PUBLISHED_KEY);
      let word: unknown;
      try {
        word = (JSON.parse(body) as { word?: unknown }).word;
      } catch {
        word = undefined;
      }
      if (!signed) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: word, ...(extra && { extra: 1 }) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const target: ResolvedTarget<ToySettings> = { profile: 'toy', baseUrl: url, cards: CARDS, settings: { key: TOY_PUBLISHED_KEY, loud: true }, embedded: true, source: 'embedded toy reference target' };
  const close = () => {
    // The harness keeps connections alive: closed here, so the server stops at once.
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, target, banner: `toy reference target listening on ${url}${fault ? ` FAULT ${fault.name}` : ''}\n`, close };
}

const toyTarget: TargetSide<ToySettings> = {
  referenceTitle: 'the toy API',
  helpNote: 'a toy API of the tests',
  config: {
    properties: {
      toy_key: { type: 'string', minLength: 1, description: 'The HMAC key (use ${ENV_VAR}). Never printed.' },
      toy_loud: { type: 'boolean', description: 'Whether the target is loud (the toy need).' },
    },
    requires: { required: ['toy_key'] },
    resolve: (raw) => ({ key: String(raw.toy_key), ...(raw.toy_loud === true && { loud: true }) }),
    published: () => ({ key: TOY_PUBLISHED_KEY }),
    publishedCards: CARDS,
    disclose: (s) => ({ secrets: [s.key], secretBytes: [], identity: {}, fingerprint: {} }),
  },
  start: startToy,
  catalogue: { faults: [...FAULTS.values()], variations: [...VARIATIONS.values()] },
  preflight: async (target) => {
    const status = await signedEchoStatus(target.baseUrl, settingsOf(target).key);
    return status === 401 ? `the target refused toy_key with 401: check toy_key in ${target.source}` : null;
  },
  commands: [{ name: 'toy', summary: 'say hello from the toy profile', run: (argv, io) => (io.out.write(`Usage: paycert toy: hello ${argv.join(' ')}\n`), 0) }],
  mutate: () => [],
};

const CLAUSE = { id: '9/echo-signed', section: '9', level: 'MUST' as const, seed: 'toy.md', text: 'An echo with a wrong signature is refused with 401; a signed one is echoed.' };

/** The toy profile: register it in a test with `registerProfile(toyProfile)`. */
export const toyProfile: Profile = {
  name: 'toy',
  title: 'Toy signed echo API',
  idPrefix: 'toy',
  section: '9',
  clauses: [CLAUSE],
  certifiedClauses: [CLAUSE],
  doc: { section: '9', heading: 'Toy signed echo API', seeds: [], clauses: [CLAUSE], configFields: '`toy_key`, `toy_loud`', states: '"toy word exists"' },
  scenario: {
    operations: [toyEcho],
    states: ['toy word exists'],
    needs: [{ name: 'toy_loud', missing: (t) => (settingsOf(t).loud ? null : 'needs a loud toy: set toy_loud in the target config') }],
    session: toySession,
  },
  target: toyTarget as TargetSide,
};

/** The toy's scenario file: a signed echo is echoed, a wrong signature refused, and a check that needs a loud toy. */
export const TOY_SPEC = `profile: toy
scenarios:
  - id: toy.echo.signed
    title: a signed echo is echoed
    level: MUST
    ref: { clause: 9/echo-signed }
    steps:
      - toy_echo: { word: "w-\${run.unique}" }
        as: e
      - toy_echo: { word: "\${e.echoed}" }
        expect: { status: 200, fields: { echoed: "\${e.echoed}" } }
  - id: toy.echo.bad-signature
    title: an echo with a wrong signature is refused
    level: MUST
    ref: { clause: 9/echo-signed }
    steps:
      - toy_echo: { word: w, bad_signature: true }
        expect: { status: 401 }
  - id: toy.echo.loud
    title: a check that needs a loud toy
    level: MUST
    ref: { clause: 9/echo-signed }
    needs: [toy_loud]
    steps:
      - toy_echo: { word: w }
`;
