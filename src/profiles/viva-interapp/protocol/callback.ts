/**
 * The callback URI a terminal answers with (seed 003, PROFILE 3): `{callback}://result?...`.
 * Building and parsing, and the field formats PROFILE fixes, in one place.
 */
import { isIsoDateTime } from './dates';
import { firstValues, joinUri, pairsInOrder, splitUri } from './uri';

export const CALLBACK_HOST = 'result';

/** Every field of the seed's response table, in its order. */
export const CALLBACK_FIELDS = [
  'status', 'message', 'action', 'amount', 'cardType', 'accountNumber', 'orderCode', 'shortOrderCode',
  'tid', 'transactionDate', 'transactionId', 'aadeTransactionId',
] as const;
export type CallbackField = (typeof CALLBACK_FIELDS)[number];

export interface VivaCallback {
  /** The scheme: the request's `callback` value. */
  scheme: string;
  host: string;
  fields: Partial<Record<CallbackField, string>> & Record<string, string | undefined>;
}

/** The formats PROFILE 3 gives the callback's fields. */
export const CALLBACK_FORMATS = {
  /** Digits only: cents. */
  amount: /^\d+$/,
  /** First 6 and last 4 digits, stars between (a 13-19 digit card). */
  accountNumber: /^\d{6}\*{3,9}\d{4}$/,
  /** A UUID (RFC 9562 text form). */
  transactionId: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  /** Acquirer code (digits) + 12-digit RRN + 6-character authorization code. */
  aadeTransactionId: /^\d+\d{12}[A-Za-z0-9]{6}$/,
} as const;

/** Builds `{scheme}://result?status=...` with the fields given, in the table's order. */
export function buildCallbackUri(scheme: string, fields: Partial<Record<CallbackField, string>>): string {
  return joinUri(`${scheme}://${CALLBACK_HOST}`, pairsInOrder(CALLBACK_FIELDS, fields));
}

export type ParsedCallback = { ok: true; callback: VivaCallback } | { ok: false; problem: string };

/** Parses a callback URI (first value of each field). */
export function parseCallbackUri(text: string): ParsedCallback {
  const split = splitUri(text.trim());
  if (!split.ok) return split;
  return { ok: true, callback: { scheme: split.uri.scheme, host: split.uri.host, fields: firstValues(split.uri.pairs).fields } };
}

/** The status of an approved cancel or refund; any other value is a failure (decision I10). */
export const SUCCESS_STATUS = 'success';

/** What a success callback always carries (PROFILE 3); `message` may be empty, the rest may not. */
export const SUCCESS_FIELDS = [
  'status', 'message', 'action', 'amount', 'cardType', 'accountNumber', 'orderCode', 'shortOrderCode', 'tid', 'transactionDate', 'transactionId',
] as const satisfies readonly CallbackField[];

/** A rule of PROFILE 3 a callback breaks: the clause and what is wrong, in words with no card number. */
export interface CallbackProblem {
  clause: string;
  message: string;
}

/** What the request that caused the callback said it wants back. */
export interface CallbackExpectation {
  /** The request's `callback`: the scheme the answer must use. */
  scheme: string;
  /** The request carried the AADE parameters: a success callback carries aadeTransactionId. */
  aade: boolean;
}

/** Fields a failure callback may carry as the refused request gave them. */
const ECHOED_ON_FAILURE: readonly CallbackField[] = ['action', 'amount'];

const FIELD_CLAUSE: Partial<Record<CallbackField, string>> = { accountNumber: '3/callback-masking', aadeTransactionId: '3/callback-aade' };

/** Why a non-empty field's value breaks its PROFILE 3 format, or undefined. */
function formatProblem(name: CallbackField, value: string): string | undefined {
  if (name === 'action') return value === 'cancel' ? undefined : `action is ${JSON.stringify(value)}, not "cancel"`;
  if (name === 'transactionDate') return isIsoDateTime(value) ? undefined : `transactionDate ${JSON.stringify(value)} is not an ISO 8601 date and time`;
  if (name === 'accountNumber') {
    if (CALLBACK_FORMATS.accountNumber.test(value)) return undefined;
    // Never echo what may be a whole card number: say its shape only.
    const digits = value.replace(/\D/g, '').length;
    return `accountNumber is not the first 6 and last 4 digits with stars between (it shows ${digits} digits of ${value.length} characters)`;
  }
  if (name === 'amount' || name === 'transactionId' || name === 'aadeTransactionId') {
    const what = { amount: 'digits only (cents)', transactionId: 'a UUID', aadeTransactionId: 'acquirer code + 12-digit RRN + 6-character authorization code' }[name];
    return CALLBACK_FORMATS[name].test(value) ? undefined : `${name} ${JSON.stringify(value)} is not ${what}`;
  }
  return undefined;
}

/**
 * Every PROFILE 3 rule the callback breaks, whatever its status: it goes to the request's scheme
 * and `result`, has a status, and each field it carries has its format (on a failure, but
 * `action` and `amount`, which may echo the refused request); a success callback also carries
 * every field of the seed's table (and aadeTransactionId after AADE parameters).
 */
export function callbackProblems(callback: VivaCallback, expected: CallbackExpectation): CallbackProblem[] {
  const problems: CallbackProblem[] = [];
  const fieldsRule = (message: string) => problems.push({ clause: '3/callback-fields', message });
  // URI schemes and hosts are case-insensitive (RFC 3986 3.1, 3.2.2).
  if (callback.scheme.toLowerCase() !== expected.scheme.toLowerCase()) fieldsRule(`the callback goes to ${callback.scheme}://, not to the request's callback ${expected.scheme}://`);
  if (callback.host.toLowerCase() !== CALLBACK_HOST) fieldsRule(`the callback's host is ${JSON.stringify(callback.host)}, not "${CALLBACK_HOST}"`);
  const { fields } = callback;
  if (!fields.status) fieldsRule('the callback has no status');
  const success = fields.status === SUCCESS_STATUS;
  for (const name of CALLBACK_FIELDS) {
    // A failure may echo the refused request's action and amount ("sale", "6.00"): not judged there (decision I20).
    if (!success && ECHOED_ON_FAILURE.includes(name)) continue;
    const value = fields[name];
    const problem = value ? formatProblem(name, value) : undefined;
    if (problem) problems.push({ clause: FIELD_CLAUSE[name] ?? '3/callback-fields', message: problem });
  }
  if (!success) return problems;
  const missing = SUCCESS_FIELDS.filter((name) => fields[name] === undefined || (fields[name] === '' && name !== 'message'));
  if (missing.length > 0) fieldsRule(`the success callback has no ${missing.join(', ')}`);
  if (expected.aade && !fields.aadeTransactionId) problems.push({ clause: '3/callback-aade', message: 'the request carried AADE parameters, but the success callback has no aadeTransactionId' });
  return problems;
}
