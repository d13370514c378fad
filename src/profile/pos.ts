/**
 * The Viopay POS API as PROFILE.md section 1 fixes it: names, patterns and limits that the
 * reference target, the client and the checks all read from here, so each lives in one place.
 */

/** Header names as sent on the wire (HTTP header names are case-insensitive). */
export const HEADER = {
  terminalId: 'X-Terminal-Id',
  userAgent: 'User-Agent',
  clientType: 'X-Client-Type',
  keyId: 'X-Key-Id',
  timestamp: 'X-Timestamp',
  nonce: 'X-Nonce',
  signature: 'X-Signature',
  idempotencyKey: 'Idempotency-Key',
  contentType: 'Content-Type',
} as const;

/** PROFILE 1.1: `User-Agent` must start with this. */
export const USER_AGENT_PREFIX = 'Viopay-POS/';
/** PROFILE 1.1: `X-Client-Type` must equal this. */
export const CLIENT_TYPE = 'pos';
/** The seeds' example User-Agent. */
export const DEFAULT_USER_AGENT = 'Viopay-POS/1.4.2 (Android 12; PAX-A920)';

/** PROFILE 1.2: the timestamp window, seconds, inclusive, either direction. */
export const TIMESTAMP_WINDOW_SECONDS = 300;
/** PROFILE 1.2: a nonce is 12 or more ASCII letters and digits. */
export const NONCE_PATTERN = /^[A-Za-z0-9]{12,}$/;
/** PROFILE 1.2: the only signature scheme. */
export const SIGNATURE_PREFIX = 'v1=';

/** PROFILE 1.5: minor units, digits only. */
export const AMOUNT_VALUE_PATTERN = /^[0-9]+$/;
/** PROFILE 1.5 (SHOULD): no leading zero, at most 12 digits, greater than zero. */
export const AMOUNT_VALUE_STRICT_PATTERN = /^[1-9][0-9]{0,11}$/;
/** PROFILE 1.5: three upper-case letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** PROFILE 1.3: envelope constants (exact, case-sensitive). */
export const ENVELOPE_FORMAT = 'TR31-DATA';
export const ENVELOPE_MODE = 'CBC';

/** PROFILE 1.4: error codes by status. */
export const ERROR_CODE = {
  badRequest: '4000',
  unauthorized: '4001',
  notFound: '4040',
  internal: '5000',
} as const;

/** PROFILE 1.5 / 1.6: statuses a processed charge or refund may have. */
export const PAYMENT_STATUSES = ['approved', 'declined', 'pending'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** PROFILE 1.5: how a card may be read. */
export const ENTRY_MODES = ['chip', 'swipe', 'contactless', 'manual'] as const;

/** PROFILE 1.1: the operations and their paths. */
export const PATHS = {
  charge: '/pos/charge',
  refund: (chargeId: string) => `/pos/charge/${chargeId}/refund`,
  cancel: (chargeId: string) => `/pos/charge/${chargeId}/cancel`,
  reverse: (chargeId: string) => `/pos/charge/${chargeId}/reverse`,
} as const;

/** PROFILE 4: default test cards. */
export const DEFAULT_CARDS = {
  approved: '4111111111111111',
  declined: '4000000000000002',
} as const;

/** Largest request body a target is expected to read (bigger ones are refused). */
export const MAX_BODY_BYTES = 1024 * 1024;
