/** Provider states: every profile's go through the circuit; the state hook's request says what went wrong. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransportError } from '../client/transport';
import type { ResolvedTarget } from '../config/resolved';
import { Circuit } from './guard';
import { guardedStates, setUpState } from './states';

const target = (stateUrl?: string): ResolvedTarget => ({ profile: 'any', baseUrl: 'http://127.0.0.1:1', cards: { approved: '', declined: '' }, settings: {}, embedded: false, source: 'test', ...(stateUrl && { stateUrl }) });

describe('guardedStates', () => {
  it('hands each state its params (an object, whatever pact-js passes) and returns what it set up', async () => {
    // Arrange
    const seen: unknown[] = [];
    const states = guardedStates({ 'a thing exists': async (params) => (seen.push(params), { id: 'x1' }) });
    // Act
    const first = await states['a thing exists']!({ amount: 5 });
    const second = await states['a thing exists']!(undefined);
    // Assert
    expect([first, second]).toEqual([{ id: 'x1' }, { id: 'x1' }]);
    expect(seen).toEqual([{ amount: 5 }, {}]);
  });

  it('fails every state at once when the target stopped answering, without calling it', async () => {
    // Arrange
    const circuit = new Circuit();
    let calls = 0;
    const states = guardedStates(
      {
        silent: async () => {
          calls++;
          throw new TransportError('timeout', 'no answer in 10 s');
        },
      },
      circuit,
    );
    // Act: enough silent states to open the circuit, then one more
    for (let i = 0; i < 3; i++) await expect(states.silent!({})).rejects.toThrow('no answer in 10 s');
    const after = calls;
    // Assert
    await expect(states.silent!({})).rejects.toThrow(/provider state: the target stopped answering/);
    expect(calls).toBe(after);
  });
});

describe('setUpState', () => {
  let server: Server;
  let url = '';
  let status = 200;
  const bodies: unknown[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => {
        bodies.push(JSON.parse(text));
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_state`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('posts the setup in the provider-state format of PROFILE section 4', async () => {
    // Arrange
    status = 200;
    bodies.length = 0;
    // Act
    await setUpState(target(url), { timeoutMs: 5000 }, 'a settled thing', 'thing is settled', { id: 'x1' });
    // Assert
    expect(bodies).toEqual([{ action: 'setup', state: 'thing is settled', params: { id: 'x1' } }]);
  });

  it('says which state the hook refused, and with what status', async () => {
    // Arrange
    status = 404;
    // Act / Assert
    await expect(setUpState(target(url), { timeoutMs: 5000 }, 'a settled thing', 'thing is settled', {})).rejects.toThrow('provider state: the state hook answered 404 to "thing is settled"');
  });

  it('names the provider state that needs a state hook when the target has none', async () => {
    await expect(setUpState(target(), { timeoutMs: 5000 }, 'a settled thing', 'thing is settled', {})).rejects.toThrow('provider state "a settled thing" needs the target\'s state hook (state_url)');
  });
});
