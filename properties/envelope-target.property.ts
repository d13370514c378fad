/**
 * Target properties of the envelope (PROFILE 1.3, 1.5): generated valid charges come back with
 * the amount echoed exactly, in envelopes that open under the MSK with the right KCV (the client
 * checks both on every 200); and every answer of a run is sealed under an IV not seen before.
 */
import fc from 'fast-check';
import { sampleCharge } from '../src/client/fixtures';
import type { PosClient } from '../src/client/pos-client';
import type { PropertyDefinition } from '../src/property/types';
import { registerWhenRunByJest } from '../src/property/jest-entry';
import { chargeBody, chargeCase, unlessStatus, type ChargeCase } from './support';
import { posClientOf } from '../src/profiles/viopay-pos/session';
import { posSettingsOf } from '../src/profiles/viopay-pos/settings';

export const amountEcho: PropertyDefinition<ChargeCase> = {
  id: 'prop.envelope.amount-echo',
  title: 'Generated valid charges come back 200 in a valid envelope with the right KCV, the amount echoed exactly',
  level: 'MUST',
  clause: '1.5/charge-answer',
  tags: ['envelope', 'amounts'],
  kind: 'target',
  runs: 25,
  arbitrary: () => chargeCase(),
  check: async (c, env) => {
    const answer = await posClientOf(env).charge(chargeBody(c, env));
    const wrong = unlessStatus(answer, 200);
    if (wrong) return wrong;
    const amount = (answer.plaintext as { amount?: { value?: unknown; currency?: unknown } }).amount;
    const expected = { value: c.value, currency: c.currency };
    // Field by field: PROFILE fixes the values, not the order of the keys (nor extra fields).
    return amount?.value === expected.value && amount?.currency === expected.currency
      ? null
      : { message: `amount came back ${JSON.stringify(amount)}, expected value ${JSON.stringify(expected.value)} and currency ${JSON.stringify(expected.currency)}`, expected, actual: amount, exchange: answer.exchange };
  },
};

/** The IVs answered over one run, per client (a run has one client; a re-sent case sees the same set). */
const seenIvs = new WeakMap<PosClient, Map<string, number>>();

export const freshIv: PropertyDefinition<ChargeCase> = {
  id: 'prop.envelope.fresh-iv',
  title: 'Every answer of a run is sealed under an IV never seen before in the run',
  level: 'SHOULD',
  clause: '1.3/fresh-iv',
  tags: ['envelope', 'iv'],
  kind: 'target',
  runs: 20,
  arbitrary: () => chargeCase(),
  check: async (c, env) => {
    const answer = await posClientOf(env).charge(chargeBody(c, env));
    const wrong = unlessStatus(answer, 200);
    if (wrong) return wrong;
    const iv = String((answer.json as { initialization_vector?: unknown }).initialization_vector).toUpperCase();
    let seen = seenIvs.get(posClientOf(env));
    if (!seen) seenIvs.set(posClientOf(env), (seen = new Map()));
    const count = seen.get(iv) ?? 0;
    seen.set(iv, count + 1);
    return count === 0 ? null : { message: `IV ${iv} was already used for an earlier answer of this run (${count + 1} times now)`, actual: iv, exchange: answer.exchange };
  },
};

/** Differing bits of two equal-length byte strings. */
function hammingDistance(a: Buffer, b: Buffer): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i]! ^ b[i]!; x; x >>= 1) bits += x & 1;
  return bits;
}

/** Two independent random 128-bit IVs differ in 64 bits on average; fewer than 24 happens about once in 10^12 pairs. */
const MIN_DISTANCE_BITS = 24;

export const randomIv: PropertyDefinition<Uint8Array[]> = {
  id: 'prop.envelope.random-iv',
  title: 'Answer IVs look random: far from the request IV and from each other (not echoed, not a counter)',
  level: 'SHOULD',
  clause: '1.3/fresh-iv',
  tags: ['envelope', 'iv'],
  kind: 'target',
  runs: 2,
  arbitrary: () => fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { minLength: 6, maxLength: 6 }),
  check: async (requestIvs, env) => {
    const seen: Array<{ iv: Buffer; index: number }> = [];
    for (const [index, requestIv] of requestIvs.entries()) {
      const answer = await posClientOf(env).charge(sampleCharge({ pan: env.target.cards.approved, terminalId: posSettingsOf(env.target).terminalId }, posClientOf(env).now()), {
        breaks: { envelope: { iv: Buffer.from(requestIv).toString('hex') } },
      });
      const wrong = unlessStatus(answer, 200);
      if (wrong) return wrong;
      const iv = Buffer.from(String((answer.json as { initialization_vector?: unknown }).initialization_vector), 'hex');
      const fromRequest = hammingDistance(iv, Buffer.from(requestIv));
      if (fromRequest < MIN_DISTANCE_BITS) {
        return { message: `answer ${index + 1}'s IV differs from its request's IV in ${fromRequest} bits: derived from it, not fresh and random`, actual: iv.toString('hex'), exchange: answer.exchange };
      }
      for (const other of seen) {
        const apart = hammingDistance(iv, other.iv);
        if (apart < MIN_DISTANCE_BITS) {
          return { message: `the IVs of answers ${other.index + 1} and ${index + 1} differ in ${apart} bits: a counter or a clock, not fresh random IVs`, actual: [other.iv.toString('hex'), iv.toString('hex')], exchange: answer.exchange };
        }
      }
      seen.push({ iv, index });
    }
    return null;
  },
};

const properties = [amountEcho, freshIv, randomIv];
export default properties;

registerWhenRunByJest(__filename, properties as never);
