/**
 * The Cancel/Refund request URI of seed 003 (`vivapayclient://pay/v1?...`), read as PROFILE
 * section 3 says: its fields, how to build one, and which search key a terminal uses.
 */
import { firstValues, joinUri, pairsInOrder, splitUri, type QueryPair } from './uri';

export const REQUEST_SCHEME = 'vivapayclient';
export const REQUEST_HOST = 'pay';
export const REQUEST_PATH = '/v1';
export const REQUEST_BASE = `${REQUEST_SCHEME}://${REQUEST_HOST}${REQUEST_PATH}`;
/** PROFILE 3: `protocol` SHOULD be this value. */
export const DEFAULT_PROTOCOL = 'int_default';

/** Every query parameter of the seed's request table. */
export const REQUEST_FIELDS = [
  'merchantKey', 'appId', 'action', 'amount', 'referenceNumber', 'orderCode', 'shortOrderCode',
  'txnDateFrom', 'txnDateTo', 'show_receipt', 'show_transaction_result', 'protocol', 'callback',
  'aadeProviderId', 'aadeProviderSignatureData', 'aadeProviderSignature',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

/** The AADE parameters: all three or none (PROFILE 3). */
export const AADE_FIELDS = ['aadeProviderId', 'aadeProviderSignatureData', 'aadeProviderSignature'] as const;

/** A request URI, split: its parts and its parameters (first value of each name). */
export interface VivaRequest {
  /** The text as given. */
  text: string;
  scheme: string;
  host: string;
  path: string;
  pairs: QueryPair[];
  /** Each name's first value; `repeated` lists the names given more than once. */
  fields: Partial<Record<RequestField, string>> & Record<string, string | undefined>;
  repeated: string[];
}

export type ParsedRequest = { ok: true; request: VivaRequest } | { ok: false; problem: string };

/** Parses a request URI. Only syntax is judged here; the rules are the lint checks'. */
export function parseRequestUri(text: string): ParsedRequest {
  const split = splitUri(text.trim());
  if (!split.ok) return split;
  return { ok: true, request: { text, ...split.uri, ...firstValues(split.uri.pairs) } };
}

/** Builds a request URI from fields, in the seed table's order; undefined fields are left out. */
export function buildRequestUri(fields: Partial<Record<RequestField, string>>, base = REQUEST_BASE): string {
  return joinUri(base, pairsInOrder(REQUEST_FIELDS, fields));
}

/** The search key a terminal uses: `shortOrderCode`, then `orderCode`, then `referenceNumber`. */
export type SearchKey =
  | { kind: 'shortOrderCode' | 'orderCode' | 'referenceNumber'; value: string }
  | { kind: 'none' };

export function searchKeyOf(fields: VivaRequest['fields']): SearchKey {
  for (const kind of ['shortOrderCode', 'orderCode', 'referenceNumber'] as const) {
    const value = fields[kind];
    if (value !== undefined && value !== '') return { kind, value };
  }
  return { kind: 'none' };
}

/**
 * The URI as printed: `merchantKey` is the merchant's credential (the seed calls it a key),
 * so its value never reaches a terminal or a log.
 */
export function redactUri(text: string): string {
  return text.replace(/([?&]merchantKey=)[^&#]*/g, '$1[redacted]');
}
