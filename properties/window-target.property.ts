/**
 * Target properties of the timestamp window and the nonce (PROFILE 1.2). Skews are relative to the
 * target's clock (estimated from its Date header) and stay 3 s away from the 300 s edge, which a
 * second of clock error cannot cross; a case whose answer came too late to tell is sent again
 * (`judgedInTime`, support.ts). Every nonce ends in 12 fresh random characters drawn when
 * the case runs, so re-running a case (shrinking, confirming) never replays a nonce by accident.
 */
import fc from 'fast-check';
import { newNonce } from '../src/client/build';
import { sampleCharge } from '../src/client/fixtures';
import type { Answer } from '../src/client/pos-client';
import type { PropertyDefinition } from '../src/property/types';
import { registerWhenRunByJest } from '../src/property/jest-entry';
import type { ScenarioEnv } from '../src/scenario/run-scenario';
import { judgedInTime, lazy, unlessStatus } from './support';
import { posClientOf } from '../src/profiles/viopay-pos/session';
import { posSettingsOf } from '../src/profiles/viopay-pos/settings';

const charge = (env: ScenarioEnv) => sampleCharge({ pan: env.target.cards.approved, terminalId: posSettingsOf(env.target).terminalId }, posClientOf(env).now());
/** A charge whose X-Timestamp is `skew` seconds from the target's clock, fixed when it is built. */
const chargeWithSkew = (env: ScenarioEnv, skew: number) => posClientOf(env).charge(charge(env), { breaks: { timestamp: { skewSeconds: skew } } });

export const insideAccepted: PropertyDefinition<number> = {
  id: 'prop.timestamp.inside-accepted',
  title: 'Timestamps up to 297 s behind or ahead of the target clock are accepted',
  level: 'MUST',
  clause: '1.2/timestamp-accept',
  tags: ['timestamp'],
  kind: 'target',
  runs: 20,
  arbitrary: () => fc.integer({ min: -297, max: 297 }),
  describe: (skew) => `timestamp ${skew} s from the target's clock`,
  check: (skew, env) => judgedInTime(() => chargeWithSkew(env, skew), skew, (answer) => unlessStatus(answer, 200)),
};

export const outsideRefused: PropertyDefinition<number> = {
  id: 'prop.timestamp.outside-refused',
  title: 'Timestamps 303 s or more behind or ahead of the target clock are refused 401 4001',
  level: 'MUST',
  clause: '1.2/timestamp-reject',
  tags: ['timestamp'],
  kind: 'target',
  runs: 20,
  arbitrary: () => fc.tuple(fc.integer({ min: 303, max: 7200 }), fc.constantFrom(-1, 1)).map(([s, sign]) => s * sign),
  describe: (skew) => `timestamp ${skew} s from the target's clock`,
  check: (skew, env) => judgedInTime(() => chargeWithSkew(env, skew), skew, (answer) => unlessStatus(answer, 401, '4001')),
};

type Replay = { prefix: string; copies: number; together: boolean };

export const replayRefused: PropertyDefinition<Replay> = {
  id: 'prop.nonce.replay-refused',
  title: 'A nonce from the allowed alphabet is accepted once and refused when replayed, one after another or concurrently',
  level: 'MUST',
  clause: '1.2/nonce-replay',
  tags: ['nonce', 'replay'],
  kind: 'target',
  runs: 15,
  arbitrary: () => fc.record({ prefix: fc.stringMatching(/^[A-Za-z0-9]{0,28}$/), copies: fc.integer({ min: 2, max: 4 }), together: fc.boolean() }),
  describe: (r) => `${r.copies} requests with one nonce (${r.prefix.length + 12} characters), ${r.together ? 'concurrently' : 'one after another'}`,
  check: async ({ prefix, copies, together }, env) => {
    const nonce = prefix + newNonce(12);
    const send = () => posClientOf(env).charge(charge(env), { breaks: { nonce } });
    const answers: Answer[] = together ? await Promise.all(Array.from({ length: copies }, send)) : [];
    if (!together) for (let i = 0; i < copies; i++) answers.push(await send());
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 401 && a.error?.code === '4001');
    if (accepted.length === 1 && refused.length === copies - 1) return null;
    const odd = answers.find((a) => a.status !== 200 && a.status !== 401) ?? accepted[1] ?? answers[0]!;
    return { message: `${copies} requests with one nonce: ${accepted.length} accepted, ${refused.length} refused 401 (expected exactly 1 accepted)`, expected: { accepted: 1 }, actual: answers.map((a) => a.status), exchange: odd.exchange };
  },
};

/** Nonces PROFILE refuses: too short, or 12+ with a character outside [A-Za-z0-9] (never at the ends, where HTTP trims spaces). */
const badNonce = lazy(() =>
  fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{1,11}$/),
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{6,20}$/), fc.constantFrom('-', '_', '.', '~', '+', '/', '=', ':', '!', '*'), fc.stringMatching(/^[A-Za-z0-9]{6,20}$/))
    .map(([a, c, b]) => `${a}${c}${b}`),
  ),
);

export const formatRefused: PropertyDefinition<string> = {
  id: 'prop.nonce.format-refused',
  title: 'Nonces shorter than 12 or with characters outside [A-Za-z0-9] are refused 401 4001',
  level: 'MUST',
  clause: '1.2/nonce-format',
  tags: ['nonce'],
  kind: 'target',
  runs: 20,
  arbitrary: () => badNonce(),
  describe: (nonce) => `X-Nonce ${JSON.stringify(nonce)}`,
  check: async (nonce, env) => unlessStatus(await posClientOf(env).charge(charge(env), { breaks: { nonce } }), 401, '4001'),
};

const properties = [insideAccepted, outsideRefused, replayRefused, formatRefused];
export default properties;

registerWhenRunByJest(__filename, properties as never);
