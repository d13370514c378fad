/**
 * Target properties of the envelope (PROFILE 1.3, 1.5): generated valid charges come back with
 * the amount echoed exactly, in envelopes that open under the MSK with the right KCV (the client
 * checks both on every 200); and every answer of a run is sealed under an IV not seen before.
 */
import type { PosClient } from '../src/client/pos-client';
import type { PropertyDefinition } from '../src/property/types';
import { registerWhenRunByJest } from '../src/property/jest-entry';
import { chargeBody, chargeCase, unlessStatus, type ChargeCase } from './support';

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
    const answer = await env.client.charge(chargeBody(c, env));
    const wrong = unlessStatus(answer, 200);
    if (wrong) return wrong;
    const amount = (answer.plaintext as { amount?: unknown }).amount;
    const expected = { value: c.value, currency: c.currency };
    return JSON.stringify(amount) === JSON.stringify(expected)
      ? null
      : { message: `amount came back ${JSON.stringify(amount)}, expected ${JSON.stringify(expected)}`, expected, actual: amount, exchange: answer.exchange };
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
    const answer = await env.client.charge(chargeBody(c, env));
    const wrong = unlessStatus(answer, 200);
    if (wrong) return wrong;
    const iv = String((answer.json as { initialization_vector?: unknown }).initialization_vector).toUpperCase();
    let seen = seenIvs.get(env.client);
    if (!seen) seenIvs.set(env.client, (seen = new Map()));
    const count = seen.get(iv) ?? 0;
    seen.set(iv, count + 1);
    return count === 0 ? null : { message: `IV ${iv} was already used for an earlier answer of this run (${count + 1} times now)`, actual: iv, exchange: answer.exchange };
  },
};

const properties = [amountEcho, freshIv];
export default properties;

registerWhenRunByJest(__filename, properties as never);
