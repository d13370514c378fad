/**
 * Target properties of the signature (PROFILE 1.2): generated valid requests are all accepted;
 * generated single-component tamperings (the request as sent is valid, the signature was made over
 * something that differs in exactly one component) are all answered 401 4001.
 */
import fc from 'fast-check';
import type { RequestBreaks } from '../src/client/breaks';
import { newNonce } from '../src/client/build';
import { PATHS } from '../src/profile/pos';
import type { PropertyDefinition } from '../src/property/types';
import { registerWhenRunByJest } from '../src/property/jest-entry';
import { chargeBody, chargeCase, lazy, unlessStatus, type ChargeCase } from './support';
import { posClientOf } from '../src/profiles/viopay-pos/session';
import { posSettingsOf } from '../src/profiles/viopay-pos/settings';

export const validAccepted: PropertyDefinition<{ charge: ChargeCase; nonceLength: number; skew: number }> = {
  id: 'prop.signature.valid-accepted',
  title: 'Generated valid charges (any amount, entry mode, optional fields, JSON formatting, hex case, nonce length, small clock skew) are all accepted',
  level: 'MUST',
  clause: '1.2/signature',
  tags: ['signature'],
  kind: 'target',
  runs: 25,
  arbitrary: () => fc.record({ charge: chargeCase(), nonceLength: fc.integer({ min: 12, max: 64 }), skew: fc.integer({ min: -120, max: 120 }) }),
  check: async ({ charge, nonceLength, skew }, env) => {
    const breaks: RequestBreaks = { body: charge.formatting, envelope: { hexCase: charge.hexCase }, nonce: newNonce(nonceLength), timestamp: { skewSeconds: skew } };
    const answer = await posClientOf(env).charge(chargeBody(charge, env), { breaks });
    return unlessStatus(answer, 200);
  },
};

/** The same text with the character at `seed` (mod length) replaced by a different letter or digit. */
function otherChar(text: string, seed: number): string {
  const at = seed % text.length;
  return `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
}

type Tamper =
  | { component: 'body'; at: number }
  | { component: 'path'; suffix: string }
  | { component: 'query'; query: string }
  | { component: 'terminal_id' | 'timestamp' | 'nonce'; seed: number }
  | { component: 'key'; secret: string }
  | { component: 'key_id'; keyId: string };

const tamper = lazy((): fc.Arbitrary<Tamper> => fc.oneof(
  fc.record({ component: fc.constant('body' as const), at: fc.nat() }),
  fc.record({ component: fc.constant('path' as const), suffix: fc.constantFrom('/', 'x', '%20', '/refund') }),
  fc.record({ component: fc.constant('query' as const), query: fc.stringMatching(/^[a-z]{1,8}=[0-9]{1,6}$/) }),
  fc.record({ component: fc.constantFrom('terminal_id' as const, 'timestamp' as const, 'nonce' as const), seed: fc.integer({ min: 1, max: 59 }) }),
  fc.record({ component: fc.constant('key' as const), secret: fc.string({ minLength: 1, maxLength: 40 }) }),
  fc.record({ component: fc.constant('key_id' as const), keyId: fc.stringMatching(/^[a-z0-9-]{1,30}$/) }),
));

export const tamperRefused: PropertyDefinition<{ charge: ChargeCase; tamper: Tamper }> = {
  id: 'prop.signature.tamper-refused',
  title: 'A charge whose signature was made over anything that differs in one component (a body byte, path, query, terminal id, timestamp, nonce, key or key id) is refused 401 4001',
  level: 'MUST',
  clause: '1.2/signature-coverage',
  tags: ['signature'],
  kind: 'target',
  runs: 40,
  arbitrary: () => fc.record({ charge: chargeCase(), tamper: tamper() }),
  check: async ({ charge, tamper: t }, env) => {
    const client = posClientOf(env);
    const spec = { method: 'POST', path: PATHS.charge, plaintext: chargeBody(charge, env) };
    const clean = client.build(spec, { body: charge.formatting });
    const header = (name: string) => clean.headers.find(([n]) => n === name)![1];
    const fixed: RequestBreaks = { body: charge.formatting, nonce: header('X-Nonce'), timestamp: header('X-Timestamp'), rawBody: clean.body };
    let breaks: RequestBreaks;
    switch (t.component) {
      case 'body': {
        const signed = Buffer.from(clean.body);
        const at = t.at % signed.length;
        signed[at] = signed[at]! ^ 0x01;
        breaks = { ...fixed, signature: { over: { body: signed } } };
        break;
      }
      case 'path':
        breaks = { ...fixed, signature: { over: { path: PATHS.charge + t.suffix } } };
        break;
      case 'query':
        breaks = { ...fixed, signature: { over: { query: t.query } } };
        break;
      case 'terminal_id':
        breaks = { ...fixed, signature: { over: { terminalId: `${posSettingsOf(env.target).terminalId}${t.seed}` } } };
        break;
      case 'timestamp':
        breaks = { ...fixed, signature: { over: { timestamp: new Date(Date.parse(header('X-Timestamp')) - t.seed * 1000).toISOString().replace('.000Z', 'Z') } } };
        break;
      case 'nonce':
        breaks = { ...fixed, signature: { over: { nonce: otherChar(header('X-Nonce'), t.seed) } } };
        break;
      case 'key':
        if (t.secret === posSettingsOf(env.target).hmacSecret) return null;
        breaks = { ...fixed, signature: { secret: t.secret } };
        break;
      case 'key_id':
        if (t.keyId === posSettingsOf(env.target).keyId) return null;
        breaks = { ...fixed, keyId: t.keyId };
        break;
    }
    // The nonce of the clean build is reused once, here: the clean request itself is never sent.
    const answer = await client.send(client.build(spec, breaks), 'charge-response');
    return unlessStatus(answer, 401, '4001');
  },
};

const properties = [validAccepted, tamperRefused];
export default properties;

registerWhenRunByJest(__filename, properties as never);
