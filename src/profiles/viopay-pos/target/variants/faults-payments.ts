/** Faults in amounts, cards, idempotency, refunds, the lifecycle of PROFILE 1.8, and routes. */
import { AMOUNT_VALUE_PATTERN } from '../../../../profile/pos';
import { reject, RejectionError } from '../rejection';
import { referenceRules as ref } from '../rules';
import type { Charge } from '../store';
import type { FaultVariant } from './types';

/** A real acquirer's round trip: wide enough that concurrent requests reliably overlap. */
const RACE_CONDITIONS = { gatewayLatencyMs: 50 };

const settledCopy = (charge: Charge): Charge => ({ ...charge, state: 'approved', settled: true });

/** The plaintext with its `amount` (when it is an object of strings) changed by `change`. */
function coerceAmount(plaintext: unknown, change: (amount: { value: unknown; currency: unknown }) => object): unknown {
  const p = plaintext as { amount?: { value?: unknown; currency?: unknown } } | null;
  if (!p || typeof p !== 'object' || !p.amount || typeof p.amount !== 'object' || typeof p.amount.value !== 'string' || typeof p.amount.currency !== 'string') return plaintext;
  return { ...p, amount: change(p.amount as { value: unknown; currency: unknown }) };
}

export const PAYMENT_FAULTS: FaultVariant[] = [
  {
    name: 'amount-read-as-number',
    title: 'amount.value is read as a number: "15.00", "1e3" and " 15" are accepted',
    clause: '1.5/amount-format',
    level: 'MUST',
    rules: { readPlaintext: (schema, plaintext) => ref.readPlaintext(schema, coerceAmount(plaintext, (a) => ({ ...a, value: String(Number(a.value)) }))) },
    caughtBy: ['pos.amounts.decimal-point', 'pos.amounts.exponent'],
  },
  {
    name: 'currency-case-insensitive',
    title: 'amount.currency is upper-cased before it is checked ("eur" accepted)',
    clause: '1.5/currency-format',
    level: 'MUST',
    rules: { readPlaintext: (schema, plaintext) => ref.readPlaintext(schema, coerceAmount(plaintext, (a) => ({ ...a, currency: String(a.currency).toUpperCase() }))) },
    caughtBy: ['pos.amounts.currency-lower-case'],
  },
  {
    name: 'amount-should-rules-off',
    title: 'Zero, 13-digit and zero-padded amounts and non-ISO currencies are accepted',
    clause: '1.5/amount-range',
    level: 'SHOULD',
    rules: { checkAmount: (amount) => (AMOUNT_VALUE_PATTERN.test(amount.value) ? null : reject.badRequest('bad amount')) },
    caughtBy: ['pos.amounts.zero', 'pos.amounts.leading-zero', 'pos.refund.zero'],
  },
  {
    name: 'amount-not-echoed',
    title: 'A units mix-up: the charge is stored and answered with amount.value 100 times the requested',
    clause: '1.5/charge-answer',
    level: 'MUST',
    rules: {
      decideCharge: (charge, ctx) => {
        charge.amount.value = String(Number(charge.amount.value) * 100);
        return ref.decideCharge(charge, ctx);
      },
    },
    caughtBy: ['pos.charge.answer-amount-echo'],
  },
  {
    name: 'declined-card-approved',
    title: 'The declared declined test card is approved',
    clause: '1.5/test-cards',
    level: 'MUST',
    rules: { decideCharge: (charge, ctx) => (charge.card.number === ctx.options.cards.declined ? 'approved' : ref.decideCharge(charge, ctx)) },
    caughtBy: ['pos.cards.declined'],
  },
  {
    name: 'expired-and-luhn-approved',
    title: 'Expired cards and PANs failing the Luhn check are approved',
    clause: '1.5/expired-card',
    level: 'SHOULD',
    rules: { decideCharge: (charge, ctx) => (charge.card.number === ctx.options.cards.declined ? 'declined' : charge.card.number === ctx.options.cards.pending ? 'pending' : 'approved') },
    caughtBy: ['pos.cards.expired', 'pos.cards.luhn-invalid'],
  },
  {
    name: 'terminal-id-not-compared',
    title: 'terminal.id is not compared with X-Terminal-Id',
    clause: '1.5/terminal-match',
    level: 'SHOULD',
    rules: { checkChargeTerminal: () => null },
    caughtBy: ['pos.cards.terminal-id-mismatch'],
  },
  {
    name: 'idempotency-ignored',
    title: 'Idempotency-Key is ignored: every repeat makes a new charge',
    clause: '1.5/idempotent-repeat',
    level: 'MUST',
    rules: { idempotentCharge: (_scope, _print, create) => create() },
    caughtBy: ['pos.idempotency.repeat-same-charge'],
  },
  {
    name: 'idempotency-unreserved',
    title: 'Idempotency is checked, then the charge made, then stored: concurrent repeats make several charges',
    clause: '1.5/idempotent-concurrent',
    level: 'MUST',
    rules: {
      idempotentCharge: async (scope, print, create, ctx) => {
        const existing = ctx.store.idempotency.get(scope);
        if (existing) return existing.charge;
        const charge = await create();
        ctx.store.idempotency.set(scope, { fingerprint: print, charge: Promise.resolve(charge) });
        return charge;
      },
    },
    caughtBy: ['pos.idempotency.concurrent-one-charge'],
    conditions: RACE_CONDITIONS,
  },
  {
    name: 'idempotency-conflict-new-charge',
    title: 'The same key with another body makes a new charge',
    clause: '1.5/idempotency-conflict',
    level: 'MUST',
    rules: {
      idempotentCharge: (scope, print, create, ctx) => {
        const existing = ctx.store.idempotency.get(scope);
        if (existing && existing.fingerprint !== print) ctx.store.idempotency.delete(scope);
        return ref.idempotentCharge(scope, print, create, ctx);
      },
    },
    caughtBy: ['pos.idempotency.conflict'],
  },
  {
    name: 'idempotent-repeat-current-state',
    title: 'An idempotent repeat answers the charge as it is now ("cancelled"), not as it was processed',
    clause: '1.5/idempotent-repeat',
    level: 'MUST',
    rules: {
      idempotentCharge: async (scope, print, create, ctx) => {
        const charge = await ref.idempotentCharge(scope, print, create, ctx);
        return { ...charge, processed: charge.state as never };
      },
    },
    caughtBy: ['pos.idempotency.repeat-after-cancel'],
  },
  {
    name: 'refund-total-unchecked',
    title: 'Refunds are not held to the charge amount',
    clause: '1.6/refund-total',
    level: 'MUST',
    rules: { checkRefund: (charge, amount, ctx) => ref.checkRefund(charge, { ...amount, value: '0' }, ctx) },
    caughtBy: ['pos.refund.total-full-plus-one-refused'],
  },
  {
    name: 'refund-total-off-by-one',
    title: 'A refund of exactly the remaining amount is refused (>= instead of >)',
    clause: '1.6/refund-total',
    level: 'MUST',
    rules: { checkRefund: (charge, amount, ctx) => ref.checkRefund(charge, { ...amount, value: String(BigInt(amount.value) + 1n) }, ctx) },
    caughtBy: ['pos.refund.total-remaining-exact'],
  },
  {
    name: 'refund-total-unlocked',
    title: 'The refund total is checked without a lock: concurrent refunds exceed the charge',
    clause: '1.6/refund-total-concurrent',
    level: 'MUST',
    rules: { withChargeLock: (_chargeId, work) => work() },
    caughtBy: ['pos.refund.total-concurrent'],
    conditions: RACE_CONDITIONS,
  },
  {
    name: 'refund-currency-unchecked',
    title: 'A refund in another currency is accepted',
    clause: '1.6/refund-currency',
    level: 'MUST',
    rules: { checkRefund: (charge, amount, ctx) => ref.checkRefund(charge, { ...amount, currency: charge.amount.currency }, ctx) },
    caughtBy: ['pos.refund.currency-mismatch'],
  },
  {
    name: 'refund-declined-or-pending',
    title: 'Declined and pending charges can be refunded',
    clause: '1.6/refund-refused-states',
    level: 'MUST',
    rules: { checkRefund: (charge, amount, ctx) => ref.checkRefund(charge.state === 'declined' || charge.state === 'pending' ? settledCopy(charge) : charge, amount, ctx) },
    caughtBy: ['pos.refund.declined-refused'],
  },
  {
    name: 'refund-after-cancel',
    title: 'A cancelled charge can still be refunded',
    clause: '1.7/refund-after-cancel',
    level: 'MUST',
    rules: { checkRefund: (charge, amount, ctx) => ref.checkRefund(charge.state === 'cancelled' ? settledCopy(charge) : charge, amount, ctx) },
    caughtBy: ['pos.cancel.refund-after-cancel'],
  },
  {
    name: 'cancel-settled-allowed',
    title: 'A settled charge can be cancelled',
    clause: '1.7/cancel-refused',
    level: 'MUST',
    rules: { decideCancel: (charge, ctx) => ref.decideCancel({ ...charge, settled: false }, ctx) },
    caughtBy: ['pos.cancel.settled-refused'],
  },
  {
    name: 'cancel-declined-allowed',
    title: 'A declined charge can be cancelled',
    clause: '1.7/cancel-refused',
    level: 'MUST',
    rules: { decideCancel: (charge, ctx) => (charge.state === 'declined' ? 'cancel' : ref.decideCancel(charge, ctx)) },
    caughtBy: ['pos.cancel.declined-refused'],
  },
  {
    name: 'cancel-pending-refused',
    title: 'A pending charge cannot be cancelled',
    clause: '1.7/cancel',
    level: 'MUST',
    rules: { decideCancel: (charge, ctx) => (charge.state === 'pending' ? reject.badRequest('pending') : ref.decideCancel(charge, ctx)) },
    caughtBy: ['pos.cancel.pending'],
  },
  {
    name: 'unknown-charge-500',
    title: 'An unknown charge id ends in a 500',
    clause: '1.4/no-5xx',
    level: 'MUST',
    rules: { unknownCharge: () => { throw new TypeError("Cannot read properties of undefined (reading 'state')"); } },
    caughtBy: ['pos.cancel.unknown-refused'],
  },
  {
    name: 'unknown-charge-200',
    title: 'A cancel of an unknown charge id is answered 200 cancelled',
    clause: '1.7/cancel-refused',
    level: 'MUST',
    rules: { unknownCharge: () => { throw new RejectionError({ status: 200, code: '0000', message: 'ok' }); } },
  },
  {
    name: 'reverse-not-served',
    title: 'Only /cancel is served; /reverse is 404',
    clause: '1.1/routes',
    level: 'MUST',
    rules: { matchRoute: (path) => (path.endsWith('/reverse') ? null : ref.matchRoute(path)) },
    caughtBy: ['pos.routes.reverse'],
  },
  {
    name: 'reverse-is-refund',
    title: '/reverse is routed to the refund operation',
    clause: '1.1/routes',
    level: 'MUST',
    rules: { matchRoute: (path) => { const route = ref.matchRoute(path); return route && path.endsWith('/reverse') ? { ...route, operation: 'refund' } : route; } },
  },
];
