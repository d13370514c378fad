/**
 * Legal variations of the Viva terminal simulator: answers PROFILE 3 and the seed allow that the
 * simulator does not give by default. Each replaces rules with another legal one; `paycert
 * selftest` certifies each and expects no failure and no warning (a check that fails one is a
 * false positive). `paycert serve --profile viva-interapp --variant NAME` serves one.
 */
import { randomUUID } from 'node:crypto';
import { byName } from '../../../target-kit/by-name';
import { CALLBACK_FIELDS, SUCCESS_STATUS, type CallbackField } from '../protocol/callback';
import { formatIsoWithOffset } from '../protocol/dates';
import { AADE_FIELDS, REQUEST_HOST, REQUEST_PATH, REQUEST_SCHEME, type VivaRequest } from '../protocol/request';
import { pairsInOrder } from '../protocol/uri';
import { validateWith } from './fault-types';
import { referenceTerminalRules as ref, type TerminalRules } from './rules';

export interface TerminalVariation {
  /** Stable name: `paycert serve --profile viva-interapp --variant NAME` and the selftest. */
  name: string;
  title: string;
  /** The PROFILE 3 clause (or decision) that allows it. */
  clause: string;
  rules: Partial<TerminalRules>;
}

/** `+0300` written `+03:00` (ISO 8601 extended form). */
const extendedOffset = (date: string) => date.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');

/** Every character but unreserved ones %-escaped, fields in reverse order: a parser must not care. */
function reversedAndEscaped(scheme: string, fields: Partial<Record<CallbackField, string>>) {
  const pairs = [...CALLBACK_FIELDS].reverse().flatMap((name) => (fields[name] === undefined ? [] : [`${name}=${encodeURIComponent(fields[name]!)}`]));
  return { status: 200, body: { callback: `${scheme}://result?${pairs.join('&')}` } };
}

/** Every byte %-escaped, unreserved letters and digits too, in lower-case hex (RFC 3986 2.1: the same characters). */
const escapeAll = (text: string) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

function allEscaped(scheme: string, fields: Partial<Record<CallbackField, string>>) {
  const pairs = pairsInOrder(CALLBACK_FIELDS, fields).map(([name, value]) => `${escapeAll(name)}=${escapeAll(value)}`);
  return { status: 200, body: { callback: `${scheme}://result?${pairs.join('&')}` } };
}

/** `epochMs` at -05:00, written with the extended offset and six fraction digits (microseconds). */
function microsecondsWest(epochMs: number): string {
  const millis = formatIsoWithOffset(epochMs, -300).slice(0, 23);
  const micros = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  return `${millis}${micros}-05:00`;
}

const GREEK: Record<string, string> = {
  'Transaction cancelled': 'Η συναλλαγή ακυρώθηκε',
  'Transaction refunded': 'Η επιστροφή ολοκληρώθηκε',
  'Transaction not found': 'Η συναλλαγή δεν βρέθηκε',
};

/** Is the request URI vivapayclient://pay/v1 (the scheme is read in lower case)? */
const isRequestBase = (r: VivaRequest) => r.scheme === REQUEST_SCHEME && r.host === REQUEST_HOST && r.path === REQUEST_PATH;

/** Empty AADE parameters read as given (decision I35): a set with an empty one is given but broken, all three empty too. */
function aadeEmptyGiven(request: VivaRequest): string | undefined {
  const given = AADE_FIELDS.filter((name) => request.fields[name] !== undefined);
  if (given.length > 0 && given.length < AADE_FIELDS.length) return 'The AADE parameters come all three or none';
  if (given.some((name) => request.fields[name] === '')) return 'An AADE parameter is empty';
  return undefined;
}

/** Spaces only counted as a value: `value === ''` is the emptiness test. */
const blankGiven = (value: string | undefined) => (value !== undefined && value.trim() === '' && value !== '' ? 'given' : value);

/** The first search key the request names, empty or not: `shortOrderCode=` is given, and finds nothing (decision I29). */
const firstNamedKey: TerminalRules['searchKey'] = (request) => {
  for (const kind of ['shortOrderCode', 'orderCode', 'referenceNumber'] as const) {
    const value = request.fields[kind];
    if (value !== undefined) return { kind, value };
  }
  return { kind: 'none' };
};

/** Choices where PROFILE 3 is silent and paycert decided (docs/profile-decisions.md), each the other way. */
const DECISION_VARIATIONS: readonly TerminalVariation[] = [
  {
    name: 'viva-foreign-uri-http-422',
    title: 'The adapter turns a URI other than vivapayclient://pay/v1 away with HTTP 422 and no callback (decision I32)',
    clause: '3/terminal-refuses-bad-request',
    rules: { callbackScheme: (request) => (isRequestBase(request) ? ref.callbackScheme(request) : '') },
  },
  {
    name: 'viva-zero-amount-refunds-nothing',
    title: 'amount=0 is answered success with amount=0 and refunds nothing (decision I36)',
    clause: '3/terminal-refund-limit',
    rules: { decide: (entry, amount, ctx) => (amount !== undefined && /^0+$/.test(amount) && !entry.voided && entry.refunded < entry.tx.amount ? { kind: 'refund', amount: 0 } : ref.decide(entry, amount, ctx)) },
  },
  {
    name: 'viva-aade-empty-is-present',
    title: 'An empty AADE parameter counts as given: all three empty are refused as a broken set, not taken as none (decision I35)',
    clause: '3/terminal-refuses-bad-request',
    rules: { validateRequest: (request, ctx) => aadeEmptyGiven(request) ?? ref.validateRequest(request, ctx) },
  },
  {
    name: 'viva-blank-required-accepted',
    title: 'A merchantKey or appId of spaces counts as non-empty (decision I37)',
    clause: '3/terminal-refuses-bad-request',
    rules: { validateRequest: validateWith({ 'viva.request.required': (f) => ({ ...f, merchantKey: blankGiven(f.merchantKey), appId: blankGiven(f.appId) }) }) },
  },
  {
    name: 'viva-protocol-required',
    title: 'A request without protocol=int_default is refused too ("always pass this value", says the seed; decision I34)',
    clause: '3/terminal-refuses-bad-request',
    rules: { validateRequest: (request, ctx) => ref.validateRequest(request, ctx) ?? (request.fields.protocol === 'int_default' ? undefined : 'protocol must be int_default') },
  },
  {
    name: 'viva-empty-search-key-given',
    title: 'An empty shortOrderCode= counts as given: it finds nothing, and orderCode beside it is not searched (decision I29)',
    clause: '3/terminal-precedence',
    rules: { searchKey: firstNamedKey },
  },
];

export const TERMINAL_VARIATIONS: readonly TerminalVariation[] = [
  {
    name: 'viva-failure-status-failed',
    title: 'A failure callback says status=failed (any status but success is a failure)',
    clause: '3/callback-fields',
    rules: { failureFields: (message, found) => ({ ...ref.failureFields(message, found), status: 'failed' }) },
  },
  {
    name: 'viva-failure-bare',
    title: "A failure callback carries only status, message and action, never the payment's fields",
    clause: '3/callback-fields',
    rules: { failureFields: (message) => ref.failureFields(message, {}) },
  },
  {
    name: 'viva-date-extended-offset',
    title: 'transactionDate is written with the extended offset form +03:00',
    clause: '3/callback-date-offset',
    rules: { stamp: (ctx) => { const s = ref.stamp(ctx); return { ...s, transactionDate: extendedOffset(s.transactionDate) }; } },
  },
  {
    name: 'viva-date-utc',
    title: 'transactionDate is written in UTC with Z and no fraction of a second',
    clause: '3/callback-date-offset',
    rules: { stamp: (ctx) => ({ ...ref.stamp(ctx), transactionDate: new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') }) },
  },
  {
    name: 'viva-uuid-uppercase',
    title: 'transactionId is an upper-case UUID',
    clause: '3/callback-fields',
    rules: { stamp: (ctx) => ({ ...ref.stamp(ctx), transactionId: randomUUID().toUpperCase() }) },
  },
  {
    name: 'viva-extra-callback-fields',
    title: 'The callback carries fields the seed does not list (rrn, authorizationCode, terminalSerial)',
    clause: '3/callback-fields',
    rules: {
      writeAnswer: (scheme, fields) => {
        const answer = ref.writeAnswer(scheme, fields);
        if (!('callback' in answer.body)) return answer;
        return { ...answer, body: { callback: `${answer.body.callback}&rrn=123456833121&authorizationCode=690882&terminalSerial=PAX-A920-0001` } };
      },
    },
  },
  {
    name: 'viva-callback-reordered-escaped',
    title: 'The callback lists its fields in another order and %-escapes every reserved character (%2B in the offset)',
    clause: '3/callback-fields',
    rules: { writeAnswer: reversedAndEscaped },
  },
  {
    name: 'viva-greek-messages',
    title: 'Messages are in Greek (UTF-8, %-escaped)',
    clause: '3/callback-fields',
    rules: {
      failureFields: (message, found) => ref.failureFields(GREEK[message] ?? message, found),
      writeAnswer: (scheme, fields) => ref.writeAnswer(scheme, { ...fields, ...(fields.message !== undefined && { message: GREEK[fields.message] ?? fields.message }) }),
    },
  },
  {
    name: 'viva-failure-status-varied',
    title: 'A failure callback says status=error for a refused request and status=declined for a found payment it will not refund',
    clause: '3/callback-failure-message',
    rules: { failureFields: (message, found) => ({ ...ref.failureFields(message, found), status: found.orderCode === undefined ? 'error' : 'declined' }) },
  },
  {
    name: 'viva-callback-all-escaped',
    title: 'The callback %-escapes every character of its names and values, letters and digits too (lower-case hex)',
    clause: '3/callback-fields',
    rules: { writeAnswer: allEscaped },
  },
  {
    name: 'viva-success-message-empty',
    title: 'A success callback carries message= (present and empty)',
    clause: '3/callback-fields',
    rules: { writeAnswer: (scheme, fields) => ref.writeAnswer(scheme, fields.status === SUCCESS_STATUS ? { ...fields, message: '' } : fields) },
  },
  {
    name: 'viva-failure-http-400',
    title: 'The adapter answers a failure callback with HTTP 400 (the callback in the body as always)',
    clause: '3/adapter',
    rules: {
      writeAnswer: (scheme, fields) => {
        const answer = ref.writeAnswer(scheme, fields);
        return fields.status === SUCCESS_STATUS ? answer : { ...answer, status: 400 };
      },
    },
  },
  {
    name: 'viva-payment-dates-utc-seconds',
    title: "The terminal dates payments in UTC to the second (the state hook's date: 2026-01-15T09:00:00Z)",
    clause: '3/terminal-date-window',
    rules: { paymentDate: (epochMs) => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z') },
  },
  {
    name: 'viva-payment-dates-microseconds-west',
    title: "The terminal dates payments at -05:00 to the microsecond (the state hook's date: 2026-01-15T04:00:00.123456-05:00)",
    clause: '3/terminal-date-window',
    rules: { paymentDate: microsecondsWest },
  },
  {
    name: 'viva-same-day-refunds',
    title: 'A same-day full cancel is processed as a refund, not a void (the callback cannot tell them apart)',
    clause: '3/terminal-refund-limit',
    rules: {
      decide: (entry, amount, ctx) => {
        const decision = ref.decide(entry, amount, ctx);
        return decision.kind === 'void' ? { kind: 'refund', amount: decision.amount } : decision;
      },
    },
  },
  ...DECISION_VARIATIONS,
];

export const TERMINAL_VARIATIONS_BY_NAME: ReadonlyMap<string, TerminalVariation> = byName('terminal variation', TERMINAL_VARIATIONS);
