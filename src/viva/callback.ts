/**
 * The callback URI a terminal answers with (seed 003, PROFILE 3): `{callback}://result?...`.
 * Building and parsing, and the field formats PROFILE fixes, in one place.
 */
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
