/**
 * The scenario engine runs a profile it has never heard of: a toy signed JSON API, defined only
 * here, with one operation, one state and one need, is registered, its scenario files load and
 * lint like any other, and its scenarios pass against a correct server and fail against a faulty
 * one, with no change to src/scenario/.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer } from '../client/answer';
import { recordExchange } from '../client/exchange';
import { sendRecorded } from '../client/send-recorded';
import type { TransportOptions } from '../client/transport';
import type { WireRequest } from '../client/wire';
import type { ResolvedTarget } from '../config/resolved';
import { UserError, UserErrors } from '../core/errors';
import { registerProfile, type Profile } from '../profiles';
import type { ScenarioOperation, ScenarioSession } from '../profiles/scenario-side';
import { envFor } from './env';
import { parseScenarioFile } from './load';
import { runScenario } from './run-scenario';
import { publishedScenarioSchema } from './scenario-schema';

const SECRET = 'toy-secret';
const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');

interface ToySession extends ScenarioSession {
  send(word: string, badSignature: boolean): Promise<Answer>;
}

/** The toy's one operation: POST /echo {word}, signed with an HMAC of the body (or a wrong one). */
const echo: ScenarioOperation<{ word: string; bad_signature?: boolean }, ToySession> = {
  name: 'toy_echo',
  schema: { type: 'object', additionalProperties: false, required: ['word'], properties: { word: { type: 'string' }, bad_signature: { type: 'boolean' } } },
  send: (value, _step, session) => session.send(value.word, value.bad_signature === true),
};

function toySession(target: ResolvedTarget, budget: TransportOptions): ToySession {
  return {
    now: () => Date.now(),
    async send(word, badSignature) {
      const body = JSON.stringify({ word });
      const wire: WireRequest = { method: 'POST', path: '/echo', query: '', headers: [['Content-Type', 'application/json'], ['X-Sig', sign(body, badSignature ? 'wrong' : SECRET)]], body: Buffer.from(body) };
      const response = await sendRecorded(target.baseUrl, wire, budget);
      const json = JSON.parse(response.body.toString('utf8')) as unknown;
      return { status: response.status, headers: response.headers, json, plaintext: json, problems: [], wire: { request: wire, response }, exchange: recordExchange(target.baseUrl, wire, response, json) };
    },
  };
}

const toy: Profile = {
  name: 'toy',
  title: 'Toy signed echo API',
  idPrefix: 'toy',
  section: '9',
  clauses: [{ id: '9/echo-signed', section: '9', level: 'MUST', seed: 'toy.md', text: 'An echo with a wrong signature is refused with 401.' }],
  certifiedClauses: [],
  doc: { section: '9', heading: 'Toy signed echo API', seeds: [], clauses: [], configFields: 'none', states: '"toy word exists"' },
  scenario: {
    operations: [echo],
    states: ['toy word exists'],
    needs: [{ name: 'toy_key', missing: (t) => ((t.settings as { key?: string }).key ? null : 'needs the toy key: set key in the target config') }],
    session: toySession,
  },
  target: {} as Profile['target'],
};
registerProfile(toy);

/** A toy server; `faulty` accepts any signature. */
function toyServer(faulty: boolean): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signed = req.headers['x-sig'] === sign(body);
      res.writeHead(signed || faulty ? 200 : 401, { 'content-type': 'application/json' });
      res.end(signed || faulty ? JSON.stringify({ echoed: (JSON.parse(body) as { word: string }).word }) : '{"error":"bad signature"}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const FILE = `profile: toy
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
  - id: toy.echo.keyed
    title: a check that needs the toy key
    level: MUST
    ref: { clause: 9/echo-signed }
    needs: [toy_key]
    steps:
      - toy_echo: { word: w }
`;

/** Every one-line error of loading `text` (empty: it loads). */
function problems(text: string): string[] {
  try {
    parseScenarioFile('toy.spec.yaml', text);
    return [];
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.oneLine());
    if (error instanceof UserError) return [error.oneLine()];
    throw error;
  }
}

describe('a profile the engine has never heard of', () => {
  it('runs its scenarios: passed against a correct server, failed against a faulty one, skipped for a need it lacks', async () => {
    // Arrange
    const scenarios = parseScenarioFile('toy.spec.yaml', FILE);
    const verdicts = async (faulty: boolean) => {
      const server = await toyServer(faulty);
      try {
        const target: ResolvedTarget = { profile: 'toy', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cards: { approved: '', declined: '' }, settings: {}, embedded: true, source: 'test' };
        const env = envFor(target, 'toy', 5000);
        const results = [];
        for (const s of scenarios) results.push(await runScenario(s, env));
        return results.map((r) => `${r.check.id}: ${r.status}${r.skipReason ? ` (${r.skipReason})` : ''}`);
      } finally {
        // The harness's clients keep connections alive: closed here, so the server stops at once.
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    };
    // Act
    const correct = await verdicts(false);
    const faulty = await verdicts(true);
    // Assert
    expect(correct).toEqual(['toy.echo.signed: passed', 'toy.echo.bad-signature: passed', 'toy.echo.keyed: skipped (needs the toy key: set key in the target config)']);
    expect(faulty).toEqual(['toy.echo.signed: passed', 'toy.echo.bad-signature: failed', 'toy.echo.keyed: skipped (needs the toy key: set key in the target config)']);
  });

  it("lints its files with its own operations, states and id prefix, and keeps its operation out of other profiles' files", () => {
    // Arrange
    const foreign = FILE.replace('toy_echo: { word: w, bad_signature: true }', 'charge: {}').replace('id: toy.echo.keyed', 'id: pos.echo.keyed');
    const pos = FILE.replace('profile: toy', 'profile: viopay-pos');
    // Act
    const inToy = problems(foreign);
    const inPos = problems(pos).join('\n');
    // Assert
    expect(problems(FILE)).toEqual([]);
    expect(inToy).toEqual([
      expect.stringMatching(/steps\[0\]\.charge: charge is not an operation of profile toy \(a toy step is one of toy_echo, state\)$/),
      expect.stringMatching(/scenarios\[2\]\.id: check id "pos\.echo\.keyed" is not toy\.<topic>\.<what>/),
    ]);
    expect(inPos).toContain('toy_echo is not an operation of profile viopay-pos');
  });

  it('loads the files of a profile registered after the first file was loaded', () => {
    // Arrange
    expect(problems(FILE)).toEqual([]);
    registerProfile({ ...toy, name: 'toy-two', idPrefix: 'toytwo' });
    // Act
    const loaded = parseScenarioFile('two.spec.yaml', FILE.replace('profile: toy', 'profile: toy-two').replace(/id: toy\./g, 'id: toytwo.'));
    // Assert
    expect(loaded.map((s) => s.profile)).toEqual(['toy-two', 'toy-two', 'toy-two']);
  });

  it('has its operation in the published schema, in its own files only', () => {
    // Act
    const schema = publishedScenarioSchema() as { $defs: Record<string, { properties?: Record<string, unknown> }> };
    // Assert
    expect(schema.$defs['toy.step']?.properties?.toy_echo).toEqual(echo.schema);
    expect(schema.$defs['viopay-pos.step']?.properties?.toy_echo).toBeUndefined();
  });
});
