/**
 * Model-based property of PROFILE 1.5 to 1.8: fast-check drives random sequences of charges,
 * partial refunds, cancels and reverses, settlements (through the state hook, where the target has
 * one), concurrent refund batches and idempotent repeats against a deliberately simple model. Every
 * answer must agree with the model where PROFILE fixes it and be one of the allowed answers where
 * it says MAY; the model follows the target's choice. Approved refunds never exceed the charge.
 */
import fc from 'fast-check';
import { newNonce } from '../src/client/build';
import { sampleCharge } from '../src/client/fixtures';
import type { Answer } from '../src/client/pos-client';
import { plainRequest } from '../src/client/plain-http';
import { CaseFailureError, type PropertyDefinition } from '../src/property/types';
import { registerWhenRunByJest } from '../src/property/jest-entry';
import type { ScenarioEnv } from '../src/scenario/run-scenario';
import { posClientOf } from '../src/profiles/viopay-pos/session';
import { posSettingsOf } from '../src/profiles/viopay-pos/settings';

type Kind = 'approved' | 'declined' | 'pending';

interface ModelCharge {
  id: string;
  key: string;
  body: Record<string, unknown>;
  created: Kind;
  state: Kind | 'cancelled';
  settled: boolean;
  value: bigint;
  currency: string;
  refunded: bigint;
}

interface Model {
  charges: ModelCharge[];
  refundIds: Set<string>;
  stateHook: boolean;
  pendingCard: boolean;
}

type Real = ScenarioEnv;
type Cmd = fc.AsyncCommand<Model, Real, false>;

const CONFLICT = [409, 423, 429];

function fail(what: string, message: string, answer?: Answer, expected?: unknown): never {
  throw new CaseFailureError({ message: `${what}: ${message}`, ...(answer && { exchange: answer.exchange, actual: answer.status }), ...(expected !== undefined && { expected }) });
}

/** The answer is one of `allowed`; a 4xx must carry the PROFILE 1.4 error body; a 200 must decode cleanly. */
function expectOneOf(what: string, answer: Answer, allowed: number[]): void {
  if (!allowed.includes(answer.status)) fail(what, `answered ${answer.status}${answer.error ? ` (${answer.error.code}: ${answer.error.message})` : ''}, expected ${allowed.join(' or ')}`, answer, allowed);
  if (answer.status === 200 && answer.problems.length) fail(what, `the 200 answer is not valid: ${answer.problems.map((p) => p.message).join('; ')}`, answer);
  if (answer.status === 400 && answer.error?.code !== '4000') fail(what, 'a 400 without the error body {"error":{"code":"4000",...}}', answer);
}

const plain = (a: Answer) => (a.plaintext ?? {}) as Record<string, unknown>;
const pick = (m: Model, i: number, ok: (c: ModelCharge) => boolean) => {
  const candidates = m.charges.filter(ok);
  return candidates.length ? candidates[i % candidates.length]! : undefined;
};
const otherCurrency = (c: string) => (c === 'EUR' ? 'USD' : 'EUR');

class Charge implements Cmd {
  constructor(readonly kind: Kind, readonly value: number, readonly currency: string) {}
  check = (m: Readonly<Model>) => m.charges.length < 6 && (this.kind !== 'pending' || m.pendingCard);
  async run(m: Model, env: Real) {
    const pan = env.target.cards[this.kind]!;
    const body = sampleCharge({ pan, terminalId: posSettingsOf(env.target).terminalId, value: String(this.value), currency: this.currency }, posClientOf(env).now());
    const key = `idem-${newNonce(16)}`;
    const answer = await posClientOf(env).charge(body, { idempotencyKey: key });
    expectOneOf(this.toString(), answer, [200]);
    const p = plain(answer);
    if (p.status !== this.kind) fail(this.toString(), `status ${String(p.status)}, expected ${this.kind}`, answer, this.kind);
    m.charges.push({ id: String(p.charge_id), key, body, created: this.kind, state: this.kind, settled: false, value: BigInt(this.value), currency: this.currency, refunded: 0n });
  }
  toString = () => `charge(${this.kind}, ${this.value} ${this.currency})`;
}

/** A refund amount: a share (in percent) of what remains, or exactly what remains, or one minor unit more. */
type Share = number | 'remaining' | 'one-more';

function amountOf(share: Share, c: ModelCharge): bigint {
  const remaining = c.value - c.refunded;
  if (share === 'remaining') return remaining > 0n ? remaining : 1n;
  if (share === 'one-more') return remaining + 1n;
  const part = (remaining * BigInt(share)) / 100n;
  return part > 0n ? part : 1n;
}

class Refund implements Cmd {
  constructor(readonly index: number, readonly share: Share, readonly wrongCurrency: boolean) {}
  check = (m: Readonly<Model>) => m.charges.length > 0;
  async run(m: Model, env: Real) {
    const c = pick(m, this.index, () => true)!;
    const value = amountOf(this.share, c);
    const currency = this.wrongCurrency ? otherCurrency(c.currency) : c.currency;
    const answer = await posClientOf(env).refund(c.id, { amount: { value: String(value), currency } });
    const what = `${this.toString()} = ${value} of ${c.state}${c.settled ? ' settled' : ''} charge ${c.value} ${c.currency} with ${c.refunded} refunded`;
    const fits = value <= c.value - c.refunded;
    // PROFILE 1.6 / 1.8: only an approved, uncancelled charge, in its currency, within what remains; before settlement MAY.
    const allowed = c.state !== 'approved' || this.wrongCurrency || !fits ? [400] : c.settled ? [200] : [200, 400];
    expectOneOf(what, answer, allowed);
    if (answer.status !== 200) return;
    const p = plain(answer);
    const amount = p.amount as { value?: unknown; currency?: unknown } | undefined;
    if (amount?.value !== String(value) || amount.currency !== currency) fail(what, `refund amount came back ${JSON.stringify(amount)}`, answer);
    if (typeof p.refund_id !== 'string' || p.refund_id === '' || m.refundIds.has(p.refund_id)) fail(what, `refund_id ${JSON.stringify(p.refund_id)} is empty or not unique`, answer);
    m.refundIds.add(p.refund_id as string);
    if (p.status === 'approved') c.refunded += value;
    if (c.refunded > c.value) fail(what, `approved refunds (${c.refunded}) exceed the charge (${c.value})`, answer);
  }
  toString = () => `refund(#${this.index}, ${typeof this.share === 'number' ? `${this.share}%` : this.share}${this.wrongCurrency ? ', other currency' : ''})`;
}

/** Approved and not fully refunded; settled or not (before settlement a target MAY refuse every one). */
const batchable = (c: ModelCharge) => c.state === 'approved' && c.refunded < c.value;

class RefundBatch implements Cmd {
  /** `percent` of what remains each: every refund fits alone; together they fit only if copies x percent <= 100. */
  constructor(readonly index: number, readonly copies: number, readonly percent: number) {}
  check = (m: Readonly<Model>) => m.charges.some(batchable);
  async run(m: Model, env: Real) {
    const c = pick(m, this.index, batchable)!;
    const remaining = c.value - c.refunded;
    const value = amountOf(this.percent, c);
    // Built first, then sent together: the requests reach the target as close together as the client can make them.
    const wires = Array.from({ length: this.copies }, () => posClientOf(env).build({ method: 'POST', path: `/pos/charge/${encodeURIComponent(c.id)}/refund`, plaintext: { amount: { value: String(value), currency: c.currency } } }));
    const send = (i: number) => posClientOf(env).send(wires[i]!, 'refund-response');
    const answers = await Promise.all(wires.map((_w, i) => send(i)));
    const what = `${this.toString()} = ${this.copies} x ${value} with ${remaining} remaining of ${c.value}`;
    for (const a of answers) expectOneOf(what, a, [200, 400, ...CONFLICT]);
    const approved = answers.filter((a) => a.status === 200 && plain(a).status === 'approved').length;
    c.refunded += BigInt(approved) * value;
    if (c.refunded > c.value) fail(what, `${approved} concurrent refunds of ${value} were approved: ${c.refunded} refunded on a charge of ${c.value}`, answers.find((a) => a.status === 200));
  }
  toString = () => `refundBatch(#${this.index}, ${this.copies} x ${this.percent}% at once)`;
}

class Cancel implements Cmd {
  constructor(readonly index: number, readonly via: 'cancel' | 'reverse') {}
  check = (m: Readonly<Model>) => m.charges.length > 0;
  async run(m: Model, env: Real) {
    const c = pick(m, this.index, () => true)!;
    const answer = this.via === 'cancel' ? await posClientOf(env).cancel(c.id) : await posClientOf(env).reverse(c.id);
    const what = `${this.toString()} of ${c.state}${c.settled ? ' settled' : ''} charge`;
    // PROFILE 1.7 / 1.8: approved or pending and unsettled MUST 200; a repeat MAY 400 or 200; the rest MUST 400.
    const voidable = (c.state === 'approved' || c.state === 'pending') && !c.settled;
    expectOneOf(what, answer, voidable ? [200] : c.state === 'cancelled' ? [200, 400] : [400]);
    if (answer.status !== 200) return;
    const p = plain(answer);
    if (p.charge_id !== c.id || p.status !== 'cancelled') fail(what, `answered ${JSON.stringify(p)}, expected {"charge_id":"${c.id}","status":"cancelled"}`, answer);
    c.state = 'cancelled';
  }
  toString = () => `${this.via}(#${this.index})`;
}

class Settle implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.stateHook && m.charges.some((c) => c.state === 'approved' && !c.settled);
  async run(m: Model, env: Real) {
    const c = pick(m, this.index, (x) => x.state === 'approved' && !x.settled)!;
    const answer = await plainRequest(env.target.stateUrl!, { method: 'POST', json: { action: 'setup', state: 'charge is settled', params: { charge_id: c.id } }, timeoutMs: env.timeoutMs });
    if (answer.status < 200 || answer.status > 299) fail(this.toString(), `the state hook answered ${answer.status}`);
    c.settled = true;
  }
  toString = () => `settle(#${this.index})`;
}

class Repeat implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.charges.length > 0;
  async run(m: Model, env: Real) {
    const c = pick(m, this.index, () => true)!;
    const answer = await posClientOf(env).charge(c.body, { idempotencyKey: c.key });
    const what = `${this.toString()} of charge ${c.id}`;
    expectOneOf(what, answer, [200]);
    const p = plain(answer);
    // PROFILE 1.5: the original charge, with the same status, whatever happened to it since.
    const statuses = [c.created];
    const amount = p.amount as { value?: unknown; currency?: unknown } | undefined;
    if (p.charge_id !== c.id || !statuses.includes(p.status as Kind) || amount?.value !== String(c.value) || amount.currency !== c.currency) {
      fail(what, `answered ${JSON.stringify({ charge_id: p.charge_id, status: p.status, amount })}, expected charge ${c.id} (${statuses.join(' or ')}, ${c.value} ${c.currency})`, answer);
    }
  }
  toString = () => `repeat(#${this.index})`;
}

const value = fc.integer({ min: 100, max: 2000 });
const commands = (replayPath?: string) =>
  fc.commands(
    [
      fc.record({ kind: fc.constantFrom<Kind>('approved', 'approved', 'approved', 'declined', 'pending'), value, currency: fc.constantFrom('EUR', 'USD') }).map(({ kind, value: v, currency }) => new Charge(kind, v, currency)),
      fc
        .tuple(fc.nat(), fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom<Share>('remaining', 'one-more')), fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }))
        .map(([i, share, wrong]) => new Refund(i, share, wrong)),
      fc.tuple(fc.nat(), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 10, max: 90 })).map(([i, n, p]) => new RefundBatch(i, n, p)),
      // Drawn twice as often: concurrent refunds are where a missing lock shows.
      fc.tuple(fc.nat(), fc.integer({ min: 3, max: 6 }), fc.integer({ min: 30, max: 90 })).map(([i, n, p]) => new RefundBatch(i, n, p)),
      fc.tuple(fc.nat(), fc.constantFrom('cancel' as const, 'reverse' as const)).map(([i, via]) => new Cancel(i, via)),
      fc.nat().map((i) => new Settle(i)),
      fc.nat().map((i) => new Repeat(i)),
    ],
    { maxCommands: 14, ...(replayPath && { replayPath }) },
  );

export const amountsModel: PropertyDefinition<Iterable<Cmd>> = {
  id: 'prop.amounts.model',
  title: 'Random sequences of charges, refunds (also concurrent), cancels, reverses, settlements and idempotent repeats agree with a model of PROFILE 1.5-1.8; refunds never exceed the charge',
  level: 'MUST',
  clause: '1.6/refund-total',
  tags: ['amounts', 'refund', 'lifecycle', 'model'],
  kind: 'target',
  runs: 25,
  arbitrary: (_env, replayPath) => commands(replayPath),
  check: async (cmds, env) => {
    const setup = () => ({ model: { charges: [], refundIds: new Set<string>(), stateHook: Boolean(env.target.stateUrl), pendingCard: Boolean(env.target.cards.pending) } as Model, real: env });
    await fc.asyncModelRun(setup, cmds);
    return null;
  },
};

type Batch = { value: number; settle: boolean; copies: number; percent: number };

export const concurrentRefunds: PropertyDefinition<Batch> = {
  id: 'prop.refund.concurrent-total',
  title: 'Concurrent refunds of one charge, each within what remains, never together exceed the charge',
  level: 'MUST',
  clause: '1.6/refund-total-concurrent',
  tags: ['amounts', 'refund', 'concurrency'],
  kind: 'target',
  runs: 10,
  arbitrary: () => fc.record({ value: fc.integer({ min: 100, max: 5000 }), settle: fc.boolean(), copies: fc.integer({ min: 2, max: 8 }), percent: fc.integer({ min: 20, max: 90 }) }),
  describe: (b) => `a charge of ${b.value}${b.settle ? ', settled,' : ''} then ${b.copies} concurrent refunds of ${b.percent}% of it`,
  check: async (b, env) => {
    const model: Model = { charges: [], refundIds: new Set(), stateHook: Boolean(env.target.stateUrl), pendingCard: false };
    await new Charge('approved', b.value, 'EUR').run(model, env);
    if (b.settle && model.stateHook) await new Settle(0).run(model, env);
    await new RefundBatch(0, b.copies, b.percent).run(model, env);
    return null;
  },
};

const properties = [amountsModel, concurrentRefunds];
export default properties;

registerWhenRunByJest(__filename, properties as never);
