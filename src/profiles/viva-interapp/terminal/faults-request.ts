/**
 * Faults of a terminal's reading and validation of the request (PROFILE 3: a terminal refuses,
 * with a failure callback, a request that breaks a request MUST). Each switches one rule the way
 * a real implementation gets it almost right: a presence check that takes an empty value as given,
 * a number parser that reads "600a" or " 600" as 600, a query reader where a repeated name wins.
 */
import { firstValues, type QueryPair } from '../protocol/uri';
import type { VivaRequest } from '../protocol/request';
import { validateWith, type TerminalFault } from './fault-types';
import type { TerminalRules } from './rules';

type Read = Pick<VivaRequest, 'fields' | 'repeated'>;

/** The first value of each name, `amount` (when given) read by `parse`: the terminal's number reader. */
const amountReadBy = (parse: (text: string) => string | undefined): TerminalRules['readParameters'] => (pairs) => {
  const read = firstValues(pairs);
  const amount = read.fields.amount;
  if (amount === undefined) return read;
  const parsed = parse(amount);
  const fields = { ...read.fields };
  if (parsed === undefined) delete fields.amount;
  else fields.amount = parsed;
  return { ...read, fields };
};

/** The last value of each name counts and nobody notices the repeat (PHP's $_GET, a dict built in a loop). */
function lastValues(pairs: readonly QueryPair[]): Read {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { name, value } of pairs) fields[name] = value;
  return { fields, repeated: [] };
}

/** Every value with `+` read as a space, as HTML form decoding (URLSearchParams) does. */
function formDecoded(pairs: readonly QueryPair[]): Read {
  return firstValues(pairs.map((p) => ({ ...p, value: p.value.replace(/\+/g, ' ') })));
}

/** txnDateFrom/txnDateTo read by JavaScript's Date: local time without an offset, rolled-over days, date alone. */
function datesByJsDate(pairs: readonly QueryPair[]): Read {
  const read = firstValues(pairs);
  const fields = { ...read.fields };
  for (const name of ['txnDateFrom', 'txnDateTo'] as const) {
    const value = fields[name];
    const ms = value === undefined ? NaN : Date.parse(value);
    if (!Number.isNaN(ms)) fields[name] = new Date(ms).toISOString();
  }
  return { ...read, fields };
}

export const REQUEST_FAULTS: readonly TerminalFault[] = [
  {
    name: 'viva-merchant-key-empty-accepted',
    title: 'An empty merchantKey passes (the check asks only that it is there)',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.required': (f) => ({ ...f, merchantKey: f.merchantKey === undefined ? undefined : f.merchantKey || 'given' }) }) },
    caughtBy: ['viva.refuse.merchant-key'],
  },
  {
    name: 'viva-merchant-key-optional',
    title: 'merchantKey is not required at all ("deprecated: you may pass any value")',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.required': (f) => ({ ...f, merchantKey: f.merchantKey || 'given' }) }) },
    caughtBy: ['viva.refuse.merchant-key'],
  },
  {
    name: 'viva-app-id-optional',
    title: 'appId is not required (missing or empty passes)',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.required': (f) => ({ ...f, appId: f.appId || 'given' }) }) },
    caughtBy: ['viva.refuse.app-id'],
  },
  {
    name: 'viva-action-case-insensitive',
    title: 'action is compared without case (Cancel, CANCEL pass)',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.action': (f) => ({ ...f, action: f.action?.toLowerCase() }) }) },
    caughtBy: ['viva.refuse.action'],
  },
  {
    name: 'viva-action-missing-accepted',
    title: 'A request without action is taken as a cancel',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.action': (f) => ({ ...f, action: f.action ?? 'cancel' }) }) },
    caughtBy: ['viva.refuse.action'],
  },
  {
    name: 'viva-action-unchecked',
    title: 'action is not checked (the adapter only does cancels anyway)',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.action': null }) },
    caughtBy: ['viva.refuse.action'],
  },
  {
    name: 'viva-amount-parse-int',
    title: 'amount is read with parseInt: "600a" is 600, "6.00" is 6, "+600" and " 600" are 600',
    clause: '3/request-amount',
    level: 'MUST',
    rules: { readParameters: amountReadBy((text) => { const n = Number.parseInt(text, 10); return Number.isNaN(n) ? text : String(n); }) },
    caughtBy: ['viva.refuse.amount-not-digits'],
  },
  {
    name: 'viva-amount-number-coerced',
    title: 'amount is read with Number(): " 600", "+600", "6e2", "0x258" and "600.0" are 600',
    clause: '3/request-amount',
    level: 'MUST',
    rules: { readParameters: amountReadBy((text) => (text.trim() !== '' && Number.isFinite(Number(text)) ? String(Number(text)) : text)) },
    caughtBy: ['viva.refuse.amount-not-digits'],
  },
  {
    name: 'viva-amount-empty-full-refund',
    title: 'An empty amount is taken as no amount: a full refund',
    clause: '3/request-amount',
    level: 'MUST',
    rules: { readParameters: amountReadBy((text) => (text === '' ? undefined : text)) },
    caughtBy: ['viva.refuse.amount-empty'],
  },
  {
    name: 'viva-aade-partial-accepted',
    title: 'An incomplete set of AADE parameters passes',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.aade-complete': null }) },
    caughtBy: ['viva.refuse.aade-partial'],
  },
  {
    name: 'viva-aade-set-keyed-on-id',
    title: 'The AADE set is checked only when aadeProviderId is there: signature data and signature alone pass',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: {
      validateRequest: validateWith({
        'viva.request.aade-complete': (f) => (f.aadeProviderId ? f : { ...f, aadeProviderSignatureData: undefined, aadeProviderSignature: undefined }),
      }),
    },
    caughtBy: ['viva.refuse.aade-partial'],
  },
  {
    name: 'viva-flags-unchecked',
    title: 'show_receipt and show_transaction_result take any value ("1", "yes")',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.flags': null }) },
    caughtBy: ['viva.refuse.flags'],
  },
  {
    name: 'viva-repeat-first-wins',
    title: 'A repeated parameter is not refused: its first value counts',
    clause: '3/request-unique-params',
    level: 'MUST',
    rules: { readParameters: (pairs) => ({ fields: firstValues(pairs).fields, repeated: [] }) },
    caughtBy: ['viva.refuse.repeated-params'],
  },
  {
    name: 'viva-repeat-last-wins',
    title: 'A repeated parameter is not refused: its last value counts',
    clause: '3/request-unique-params',
    level: 'MUST',
    rules: { readParameters: lastValues },
    caughtBy: ['viva.refuse.repeated-params'],
  },
  {
    name: 'viva-repeat-same-value-accepted',
    title: 'A parameter repeated with the same value is not refused (only conflicting values are)',
    clause: '3/request-unique-params',
    level: 'MUST',
    rules: {
      readParameters: (pairs) => {
        const read = firstValues(pairs);
        return { ...read, repeated: read.repeated.filter((name) => new Set(pairs.filter((p) => p.name === name).map((p) => p.value)).size > 1) };
      },
    },
    caughtBy: ['viva.refuse.repeated-same-value'],
  },
  {
    name: 'viva-date-to-alone-accepted',
    title: 'txnDateTo without txnDateFrom is searched instead of refused',
    clause: '3/request-dates',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.date-range': null }) },
    caughtBy: ['viva.dates.to-alone-refused'],
  },
  {
    name: 'viva-dates-js-date',
    title: 'txnDateFrom/txnDateTo are read by JavaScript Date: no offset, a date alone, 30 February pass',
    clause: '3/request-dates',
    level: 'MUST',
    rules: { readParameters: datesByJsDate },
    caughtBy: ['viva.refuse.dates-malformed'],
  },
  {
    name: 'viva-plus-read-as-space',
    title: 'The query is form-decoded: the "+" of the seed\'s +0300 offsets becomes a space, and legal dates are refused',
    clause: '3/request-dates',
    level: 'MUST',
    rules: { readParameters: formDecoded },
    caughtBy: ['viva.precedence.each-key-alone', 'viva.dates.bounds-inclusive'],
  },
  {
    name: 'viva-aade-signature-unchecked',
    title: "A terminal that has the provider's key does not verify aadeProviderSignature",
    clause: '3/request-aade-signature',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.aade-signature-valid': null }) },
    caughtBy: ['viva.aade.bad-signature-refused'],
  },
];
