/**
 * The VPWS client: the requests it builds (the exact Authorization header, the token's near misses
 * and places, padded bodies), and that no form of a dealer token ever reaches an exchange.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { referenceTarget } from '../../run/resolve-target';
import { envFor } from '../../scenario/env';
import { loadScenarios, specFiles } from '../../scenario/load';
import { runScenario } from '../../scenario/run-scenario';
import { listen } from '../../target-kit/http';
import { startVpwsTarget } from './target/server';
import { changeToken, tokenMasker, VpwsClient, VpwsProbeNotApplicable } from './client';

const TOKENS = { dealer_a: 'Dealer-A-secret-Token', dealer_b: 'dealer-b-secret-token' };
const client = new VpwsClient({ baseUrl: 'http://127.0.0.1:1', tokens: TOKENS });
const header = (wire: { headers: Array<[string, string]> }, name: string) => wire.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('VpwsClient.build', () => {
  it('sends Bearer and the dealer token by default, the JSON body with referenceCode and reason', () => {
    // Act
    const wire = client.build({ referenceCode: 'NTH2P00000003000', reason: 'test cancel' });
    // Assert
    expect(wire).toMatchObject({ method: 'POST', path: '/vpws/payment/cancel', query: '' });
    expect(header(wire, 'Authorization')).toBe(`Bearer ${TOKENS.dealer_a}`);
    expect(JSON.parse(wire.body.toString())).toEqual({ referenceCode: 'NTH2P00000003000', reason: 'test cancel' });
  });

  it('sends the Authorization header exactly as written, {token} standing for the token; null or token none sends none', () => {
    expect(header(client.build({}, { authorization: 'Basic {token}', token: 'dealer_b' }), 'Authorization')).toBe(`Basic ${TOKENS.dealer_b}`);
    expect(header(client.build({}, { authorization: 'Bearer ' }), 'Authorization')).toBe('Bearer ');
    expect(header(client.build({}, { authorization: '' }), 'Authorization')).toBe('');
    expect(header(client.build({}, { authorization: null }), 'Authorization')).toBeUndefined();
    expect(header(client.build({}, { token: 'none' }), 'Authorization')).toBeUndefined();
    expect(header(client.build({}, { token: 'invalid' }), 'Authorization')).toBe('Bearer paycert-not-a-valid-token');
  });

  it('puts the token in the query, the body or an X-Access-Token header as asked', () => {
    // Act
    const query = client.build({ referenceCode: 'r' }, { authorization: null, tokenIn: 'query' });
    const body = client.build({ referenceCode: 'r' }, { authorization: null, tokenIn: 'body' });
    const other = client.build({ referenceCode: 'r' }, { authorization: null, tokenIn: 'x-access-token' });
    // Assert
    expect(query.query).toBe(`access_token=${TOKENS.dealer_a}`);
    expect(JSON.parse(body.body.toString())).toEqual({ referenceCode: 'r', access_token: TOKENS.dealer_a });
    expect(header(other, 'X-Access-Token')).toBe(TOKENS.dealer_a);
    for (const wire of [query, body, other]) expect(header(wire, 'Authorization')).toBeUndefined();
  });

  it('pads reason so the body is exactly the size asked', () => {
    const wire = client.build({ referenceCode: null }, { bodyBytes: 1024 * 1024 });
    expect(wire.body.length).toBe(1024 * 1024);
    expect(Object.keys(JSON.parse(wire.body.toString()))).toEqual(['reason']);
  });
});

describe('changeToken', () => {
  it.each([
    ['append-char', 'abcD', 'abcDx'],
    ['drop-last-char', 'abcD', 'abc'],
    ['upper-case', 'abcD', 'ABCD'],
    ['lower-case', 'abcD', 'abcd'],
    // A case change that would leave the token as it is takes the other case.
    ['upper-case', 'ABC1', 'abc1'],
    ['lower-case', 'abc1', 'ABC1'],
  ] as const)('%s of %s is %s', (change, token, changed) => {
    expect(changeToken(token, change)).toBe(changed);
  });

  it('a token without letters has no other case: the probe is not applicable', () => {
    expect(() => changeToken('12345678', 'upper-case')).toThrow(VpwsProbeNotApplicable);
  });
});

describe('tokens never reach an exchange', () => {
  it('the masker hides the tokens whole, cut, in any case and %-encoded', () => {
    const mask = tokenMasker(['ab+c/d=token']);
    expect(mask('x ab+c/d=token y AB+C/D=TOKE z ab%2Bc%2Fd%3Dtoken')).toBe('x [redacted] y [redacted] z [redacted]');
  });

  it('every near miss sent to a server that echoes the request is masked in the exchange, request and answer', async () => {
    // Arrange: a server that answers with everything it was sent, as a careless error page does.
    const echo = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `${req.url} ${JSON.stringify(req.headers)} ${Buffer.concat(chunks).toString()}`, statusCode: 401, exceptions: null, data: null, oldData: null, errors: null }));
      });
    });
    const { port, close } = await listen(echo, 0, '127.0.0.1', () => '{}');
    const echoing = new VpwsClient({ baseUrl: `http://127.0.0.1:${port}`, tokens: TOKENS });
    try {
      // Act
      const exchanges = await Promise.all(
        [
          { tokenChange: 'upper-case' as const },
          { tokenChange: 'lower-case' as const, token: 'dealer_b' as const },
          { tokenChange: 'append-char' as const },
          { tokenChange: 'drop-last-char' as const },
          { authorization: '{token}' },
          { authorization: 'Basic {token}' },
          { authorization: null, tokenIn: 'query' as const },
          { authorization: null, tokenIn: 'body' as const },
          { authorization: null, tokenIn: 'x-access-token' as const },
        ].map(async (options) => (await echoing.cancel({ referenceCode: 'r' }, options)).exchange),
      );
      // Assert
      for (const exchange of exchanges) {
        const text = JSON.stringify(exchange).toLowerCase();
        expect(exchange.response?.status).toBe(401);
        // The echo came back: the answer's body carries the (masked) request.
        expect(exchange.response?.body).toContain('[redacted]');
        for (const token of Object.values(TOKENS)) expect(text).not.toContain(token.slice(0, -1).toLowerCase());
      }
    } finally {
      await close();
    }
  });
});

describe('a token without letters', () => {
  it('skips, with the reason, the checks that change its case, and passes the others', async () => {
    // Arrange: a VPWS target whose dealer tokens are digits only.
    const tokens = { dealer_a: '1234567890', dealer_b: '0987654321' };
    const running = await startVpwsTarget({ tokens, gatewayLatencyMs: 1 });
    try {
      const target = { ...referenceTarget(running.url, running.stateUrl, false, 'vpws'), settings: { tokens } };
      const env = envFor(target, 'digits', 5000);
      const [upper, appended] = loadScenarios(specFiles([join(__dirname, '..', '..', '..', 'specs')])).filter((s) => s.id === 'vpws.token.upper-case' || s.id === 'vpws.token.char-appended').sort((a, b) => b.id.localeCompare(a.id));
      // Act
      const results = await Promise.all([runScenario(upper!, env), runScenario(appended!, env)]);
      // Assert
      expect(results.map((r) => [r.check.id, r.status, r.skipReason])).toEqual([
        ['vpws.token.upper-case', 'skipped', 'the dealer token has no letter, so it has no other case to send'],
        ['vpws.token.char-appended', 'passed', undefined],
      ]);
    } finally {
      await running.close();
    }
  });
});
