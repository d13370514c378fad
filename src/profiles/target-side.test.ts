/**
 * The target side proven on a profile defined only here: a toy API whose one endpoint wants a key
 * header. Registered, it gets a config (its fields in the schema, its secret redacted), a
 * `--target URL` with its published key, a preflight, `paycert serve`, a line in the help, a
 * command of its own, and a selftest that catches its one fault and passes its one variation,
 * without any change outside this file.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Check } from '../checks/check';
import { parseTargetConfig } from '../config/load-config';
import { secretsOf, targetIdentity, type ResolvedTarget } from '../config/resolved';
import type { CheckResult } from '../core/types';
import { runHelp } from '../cli/help';
import { main } from '../cli/main';
import { serveCommand } from '../cli/serve';
import { preflight } from '../run/preflight';
import { targetFromArgs } from '../run/resolve-target';
import { runSelftest } from '../selftest/run-selftest';
import { registerProfile } from '.';
import type { Profile } from './profile';
import type { ReferenceStartOptions, StartedReference, TargetSide } from './target-side';
import { variantNamed } from './target-side';

interface ToySettings {
  key: string;
}

const PUBLISHED_KEY = 'toy-published-key';
const FAULTS = new Map([['toy-key-unchecked', { name: 'toy-key-unchecked', title: 'any key is taken', clause: 'toy/key', level: 'MUST' as const, caughtBy: ['toy.key.wrong-refused'] }]]);
const VARIATIONS = new Map([['toy-extra-field', { name: 'toy-extra-field', title: 'answers carry a field the toy API does not name', clause: 'liberty' }]]);

/** The toy reference target: POST /toy/echo with `x-toy-key: <key>` answers 200, else 401 (its fault: any key). */
async function startToy(options: ReferenceStartOptions = {}): Promise<StartedReference> {
  const fault = options.fault === undefined ? undefined : variantNamed('toy fault', FAULTS, options.fault);
  const extra = (options.variations ?? []).map((name) => variantNamed('toy variation', VARIATIONS, name)).length > 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== '/toy/echo') return void res.writeHead(404).end();
    const ok = fault !== undefined || req.headers['x-toy-key'] === PUBLISHED_KEY;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { echo: true, ...(extra && { extra: 1 }) } : { error: 'bad key' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const target: ResolvedTarget<ToySettings> = { profile: 'toy', baseUrl: url, cards: { approved: '4111111111111111', declined: '4000000000000002' }, settings: { key: PUBLISHED_KEY }, embedded: true, source: 'embedded toy reference target' };
  return { url, target, banner: `toy reference target listening on ${url}${fault ? ` FAULT ${fault.name}` : ''}\n`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** One POST /toy/echo with `key`: its status. */
function echo(baseUrl: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/toy/echo`, { method: 'POST', headers: { 'x-toy-key': key } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const toyTarget: TargetSide<ToySettings> = {
  referenceTitle: 'the toy API',
  helpNote: 'a toy API of the tests',
  config: {
    properties: { toy_key: { type: 'string', minLength: 1, description: 'The key (use ${ENV_VAR}). Never printed.' } },
    requires: { required: ['toy_key'] },
    resolve: (raw) => ({ key: String(raw.toy_key) }),
    published: () => ({ key: PUBLISHED_KEY }),
    publishedCards: { approved: '4111111111111111', declined: '4000000000000002' },
    disclose: (s) => ({ secrets: [s.key], secretBytes: [], identity: {}, fingerprint: {} }),
  },
  start: startToy,
  catalogue: { faults: [...FAULTS.values()], variations: [...VARIATIONS.values()] },
  preflight: async (target) => {
    const status = await echo(target.baseUrl, (target.settings as ToySettings).key);
    return status === 401 ? `the target refused toy_key with 401: check toy_key in ${target.source}` : null;
  },
  commands: [{ name: 'toy', summary: 'say hello from the toy profile', run: (argv, io) => (io.out.write(`Usage: paycert toy: hello ${argv.join(' ')}\n`), 0) }],
  mutate: () => [],
};

const toyProfile: Profile = {
  name: 'toy',
  title: 'Toy API',
  idPrefix: 'toy',
  section: '99',
  clauses: [],
  certifiedClauses: [],
  doc: { section: '99', heading: 'Toy API', seeds: [], clauses: [], configFields: '`toy_key`', states: 'none' },
  scenario: { operations: [], states: [], session: () => ({ now: () => Date.now() }) },
  target: toyTarget as TargetSide,
};

/** The toy's one check: a wrong key must be refused. */
const wrongKeyRefused: Check = {
  info: { id: 'toy.key.wrong-refused', title: 'a wrong key is refused', level: 'MUST', ref: { seed: 'toy', clause: 'toy/key' }, tags: [], needs: [] },
  profile: 'toy',
  file: 'toy',
  async run(env): Promise<CheckResult> {
    const status = await echo(env.target.baseUrl, 'not-the-key');
    const { id, title, level } = this.info;
    return status === 401 ? { check: this.info, status: 'passed', durationMs: 0 } : { check: this.info, status: 'failed', durationMs: 0, failure: { checkId: id, title, level, message: `a wrong key answered ${status}` } };
  },
};

const output = () => {
  let text = '';
  return { io: { out: { write: (t: string) => (text += t) }, err: { write: (t: string) => (text += t) }, env: {} }, text: () => text };
};

describe('a profile defined in a test, through the target side only', () => {
  beforeAll(() => registerProfile(toyProfile));

  it('has its config fields in the schema, its required field required, and its key redacted', () => {
    // Act
    const target = parseTargetConfig('toy.yaml', 'profile: toy\nbase_url: http://127.0.0.1:1\ntoy_key: ${K}\n', { K: 'k-123' });
    // Assert
    expect(target.settings).toEqual({ key: 'k-123' });
    expect(secretsOf(target)).toContain('k-123');
    expect(JSON.stringify(targetIdentity(target))).not.toContain('k-123');
    expect(() => parseTargetConfig('toy.yaml', 'profile: toy\nbase_url: http://127.0.0.1:1\n', {})).toThrow(/toy_key/);
  });

  it('--target URL alone takes its published key, and the preflight goes through; a wrong key is named', async () => {
    // Arrange
    const running = await startToy();
    try {
      const target = targetFromArgs(undefined, running.url, 'toy')!;
      // Act
      const good = await preflight(target, 5_000);
      const bad = await preflight({ ...target, settings: { key: 'wrong' }, source: 'toy.yaml' }, 5_000);
      // Assert
      expect(target.settings).toEqual({ key: PUBLISHED_KEY });
      expect(good).toBeNull();
      expect(bad).toBe('the target refused toy_key with 401: check toy_key in toy.yaml');
    } finally {
      await running.close();
    }
  });

  it('is served by paycert serve --profile toy with a fault, and named in the help; its command runs', async () => {
    // Arrange
    const served = output();
    const command = output();
    // Act
    const code = await serveCommand(['--profile', 'toy', '--port', '0', '--fault', 'toy-key-unchecked'], served.io, Promise.resolve());
    const commandCode = await main(['toy', 'there'], command.io);
    // Assert
    expect(code).toBe(0);
    expect(served.text()).toMatch(/^toy reference target listening on http:\/\/127\.0\.0\.1:\d+ FAULT toy-key-unchecked\npaycert serve: stopped\n$/);
    expect(runHelp()).toContain('toy (a toy API of the tests)');
    expect([commandCode, command.text()]).toEqual([0, 'Usage: paycert toy: hello there\n']);
  });

  it('the selftest catches its fault and passes its variation', async () => {
    // Act
    const report = await runSelftest([wrongKeyRefused], { only: ['toy-key-unchecked', 'toy-extra-field'], jobs: 2 });
    // Assert
    expect(report.score).toEqual({ faultsCaught: 1, faults: 1, variationsPassed: 1, variations: 1 });
    expect(report.faults[0]?.failed).toEqual(['toy.key.wrong-refused']);
  });
});
