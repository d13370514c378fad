/**
 * PROFILE.md section 1 as a list of clauses, one per rule, with a stable id. Every check cites
 * one (`ref.clause`); the coverage table is built from this list, and a test fails when a MUST
 * or SHOULD clause has no check. MAY clauses list the checks that accept every allowed answer.
 */

export interface Clause {
  id: string;
  section: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  /** The seed file the rule comes from (PROFILE's table of seeds). */
  seed: string;
  text: string;
  /**
   * Section 3 only: which side the rule binds. `client` rules are judged by `paycert viva lint`,
   * `terminal` rules by a run against a terminal; `both` are request rules a terminal enforces too.
   */
  side?: 'client' | 'terminal' | 'both';
}

const CHARGE = '002_ab239a52e75d4602.txt';
const REFUND = '001_5e9c28d058e0fa3b.txt';
const CANCEL = '000_2b9c11a22d8f1d3c.txt';

export const POS_CLAUSES: readonly Clause[] = [
  { id: '1.1/routes', section: '1.1', level: 'MUST', seed: CANCEL, text: 'Serve POST /pos/charge, /refund, /cancel and /reverse; /cancel and /reverse are one operation.' },
  { id: '1.1/device-headers', section: '1.1', level: 'MUST', seed: CHARGE, text: 'A request with a missing or wrong X-Terminal-Id, User-Agent (Viopay-POS/) or X-Client-Type (pos) is rejected 400 or 401 with the error body of 1.4.' },
  { id: '1.2/signature', section: '1.2', level: 'MUST', seed: CHARGE, text: 'A request signed with v1= HMAC-SHA256 over the canonical string (METHOD, PATH, QUERY, BODY, X-Terminal-Id, X-Timestamp, X-Nonce) is accepted.' },
  { id: '1.2/body-formatting', section: '1.2', level: 'MUST', seed: CHARGE, text: 'Any valid JSON formatting of the envelope (whitespace, key order) is accepted when the signature matches those bytes.' },
  { id: '1.2/signature-failures', section: '1.2', level: 'MUST', seed: CHARGE, text: 'Unknown X-Key-Id, missing or malformed X-Signature, or a wrong signature: 401 with code 4001.' },
  { id: '1.2/signature-coverage', section: '1.2', level: 'MUST', seed: CHARGE, text: 'The signature covers method, path, query, raw body, terminal id, timestamp and nonce: a request whose signature was made over anything else is rejected 401.' },
  { id: '1.2/signature-before-body', section: '1.2', level: 'MUST', seed: CHARGE, text: 'The target checks the signature before it decrypts the body.' },
  { id: '1.2/timestamp-accept', section: '1.2', level: 'MUST', seed: CHARGE, text: 'YYYY-MM-DDTHH:MM:SSZ within 300 seconds of the target clock, in either direction, is accepted.' },
  { id: '1.2/timestamp-reject', section: '1.2', level: 'MUST', seed: CHARGE, text: 'A timestamp more than 300 seconds away, in either direction, is rejected 401.' },
  { id: '1.2/timestamp-format', section: '1.2', level: 'MUST', seed: CHARGE, text: 'X-Timestamp is RFC 3339 (a date, T, a time with seconds, Z or a numeric offset that shifts the instant); anything else is rejected 401 4001.' },
  { id: '1.2/timestamp-forms', section: '1.2', level: 'SHOULD', seed: CHARGE, text: 'Other RFC 3339 forms (fractional seconds, numeric offsets) are accepted.' },
  { id: '1.2/nonce-format', section: '1.2', level: 'MUST', seed: CHARGE, text: 'X-Nonce matches ^[A-Za-z0-9]{12,}$; anything else is rejected 401.' },
  { id: '1.2/nonce-replay', section: '1.2', level: 'MUST', seed: CHARGE, text: 'A nonce already seen with the same key inside the window is rejected 401.' },
  { id: '1.3/response-envelope', section: '1.3', level: 'MUST', seed: CHARGE, text: 'Every 200 body is a TR31-DATA envelope (exact format and mode, 32-hex-digit IV, whole-block ciphertext) that opens under the MSK to UTF-8 JSON.' },
  { id: '1.3/kcv', section: '1.3', level: 'MUST', seed: CHARGE, text: 'key_kcv is the key check value of the MSK by the declared method (3-byte form, or the 5-byte form).' },
  { id: '1.3/kcv-5-byte', section: '1.3', level: 'MAY', seed: CHARGE, text: 'A target may send the 5-byte KCV form; the harness then compares all 5 bytes.' },
  { id: '1.3/hex-case', section: '1.3', level: 'MUST', seed: CHARGE, text: 'Hex of either case is accepted in request envelopes.' },
  { id: '1.3/fresh-iv', section: '1.3', level: 'SHOULD', seed: CHARGE, text: 'Every response uses a fresh random IV.' },
  { id: '1.3/malformed-envelope', section: '1.3', level: 'MUST', seed: CHARGE, text: 'A malformed request envelope (bad JSON, format, mode, hex, IV length, ciphertext length, padding, plaintext not JSON) is answered 400 4000, never 5xx.' },
  { id: '1.3/plaintext-body', section: '1.3', level: 'MUST', seed: CHARGE, text: 'A request whose body is plain charge JSON instead of an envelope is rejected 400.' },
  { id: '1.3/padding-oracle', section: '1.3', level: 'SHOULD', seed: CHARGE, text: 'Bad padding and a bad plaintext are answered with the same status and code.' },
  { id: '1.4/error-body', section: '1.4', level: 'MUST', seed: CHARGE, text: '400 and 401 carry a plaintext JSON body {"error":{"code","message","trace_id"}} with code 4000 and 4001.' },
  { id: '1.4/unknown-id', section: '1.4', level: 'MAY', seed: CANCEL, text: 'An unknown charge id may be answered 400 or 404; a 404 carries the same error shape with any 4-digit code.' },
  { id: '1.4/no-5xx', section: '1.4', level: 'MUST', seed: CHARGE, text: 'Bad input of any kind is not answered with a 5xx.' },
  { id: '1.5/required-fields', section: '1.5', level: 'MUST', seed: CHARGE, text: 'Missing or mistyped required charge fields are answered 400 4000.' },
  { id: '1.5/amount-format', section: '1.5', level: 'MUST', seed: CHARGE, text: 'amount.value matches ^[0-9]+$ (minor units, no sign, decimal point or exponent); otherwise 400.' },
  { id: '1.5/amount-range', section: '1.5', level: 'SHOULD', seed: CHARGE, text: 'amount.value is greater than zero, at most 12 digits, without leading zeros.' },
  { id: '1.5/currency-format', section: '1.5', level: 'MUST', seed: CHARGE, text: 'amount.currency is three upper-case letters; otherwise 400.' },
  { id: '1.5/currency-iso', section: '1.5', level: 'SHOULD', seed: CHARGE, text: 'amount.currency is an ISO 4217 code.' },
  { id: '1.5/charge-answer', section: '1.5', level: 'MUST', seed: CHARGE, text: 'A processed charge is answered 200 with charge_id, status (approved|declined|pending), the request amount and gateway_data.' },
  { id: '1.5/test-cards', section: '1.5', level: 'MUST', seed: CHARGE, text: 'The declared approved and declined test cards come back approved and declined.' },
  { id: '1.5/expired-card', section: '1.5', level: 'SHOULD', seed: CHARGE, text: 'A card whose expiry lies in the past is not approved (declined or 400).' },
  { id: '1.5/luhn', section: '1.5', level: 'SHOULD', seed: CHARGE, text: 'A PAN that fails the Luhn check is not approved.' },
  { id: '1.5/terminal-match', section: '1.5', level: 'SHOULD', seed: CHARGE, text: 'A terminal.id that differs from X-Terminal-Id is rejected.' },
  { id: '1.5/idempotent-repeat', section: '1.5', level: 'MUST', seed: CHARGE, text: 'A repeat with the same Idempotency-Key returns the original charge (same charge_id, status, amount) and creates nothing new.' },
  { id: '1.5/idempotent-concurrent', section: '1.5', level: 'MUST', seed: CHARGE, text: 'Repeats with the same Idempotency-Key that arrive concurrently create one charge.' },
  { id: '1.5/idempotency-echo', section: '1.5', level: 'MUST', seed: CHARGE, text: 'Every charge response to a request that carried Idempotency-Key echoes it in an Idempotency-Key header.' },
  { id: '1.5/idempotency-conflict', section: '1.5', level: 'MAY', seed: CHARGE, text: 'A repeat with the same key and a different body may return the original charge or a 4xx; it must not create a new charge.' },
  { id: '1.6/refund-answer', section: '1.6', level: 'MUST', seed: REFUND, text: 'A refund is answered 200 with refund_id (non-empty, unique per refund), status and the requested amount.' },
  { id: '1.6/refund-before-settlement', section: '1.6', level: 'MAY', seed: REFUND, text: 'Refunding an approved charge that is not yet settled may be accepted or refused with 400.' },
  { id: '1.6/refund-currency', section: '1.6', level: 'MUST', seed: REFUND, text: 'A refund in another currency than the charge is refused 400.' },
  { id: '1.6/refund-total', section: '1.6', level: 'MUST', seed: REFUND, text: 'Approved refunds never exceed the charge amount: the exact remaining amount is accepted, one minor unit more is refused 400.' },
  { id: '1.6/refund-total-concurrent', section: '1.6', level: 'MUST', seed: REFUND, text: 'Refunds that arrive concurrently never together exceed the charge amount.' },
  { id: '1.6/refund-refused-states', section: '1.6', level: 'MUST', seed: REFUND, text: 'A refund of a declined, pending, cancelled or unknown charge is refused (400, or 404 for unknown).' },
  { id: '1.6/refund-zero', section: '1.6', level: 'SHOULD', seed: REFUND, text: 'A refund of zero is refused.' },
  { id: '1.7/cancel', section: '1.7', level: 'MUST', seed: CANCEL, text: 'An approved or pending charge that is not settled is cancelled: 200 with {"charge_id": <path id>, "status": "cancelled"}; the request has no body and the signature covers the empty body.' },
  { id: '1.7/cancel-refused', section: '1.7', level: 'MUST', seed: CANCEL, text: 'A settled, declined or unknown charge is refused 400 (404 for unknown).' },
  { id: '1.7/cancel-repeat', section: '1.7', level: 'MAY', seed: CANCEL, text: 'Cancelling an already cancelled charge may answer 400 or 200 cancelled; it must not change anything else.' },
  { id: '1.7/refund-after-cancel', section: '1.7', level: 'MUST', seed: CANCEL, text: 'After a cancel, a refund of that charge is refused.' },
];

const VPWS = '004_42d678b659d40524.txt';

/** PROFILE.md section 2: the VPWS dealer payment cancellation. */
export const VPWS_CLAUSES: readonly Clause[] = [
  { id: '2/cancel-success', section: '2', level: 'MUST', seed: VPWS, text: "Cancelling a successful (transactionStatusId 1) transaction of the calling dealer answers HTTP 200 with statusCode 200, data.isSuccess true and data.lastAmount 0." },
  { id: '2/response-shape', section: '2', level: 'MUST', seed: VPWS, text: 'Every answer has the shape message, statusCode, exceptions, data (object or null), oldData, errors; data has lastAmount, transactionStatusId, errorCode, isSuccess, errorMessage.' },
  { id: '2/free-fields', section: '2', level: 'MAY', seed: VPWS, text: 'exceptions, oldData and errors may hold any JSON value (null, an array, an object, a string).' },
  { id: '2/auth', section: '2', level: 'MUST', seed: VPWS, text: 'No token or an invalid token answers 401.' },
  { id: '2/token-exact', section: '2', level: 'MUST', seed: VPWS, text: 'A token is valid only as the whole, exact value in the Authorization header (the scheme name Bearer is case-insensitive, RFC 7235): a token with characters added or removed, in another case, an empty Bearer value or a token sent anywhere but that header answers 401.' },
  { id: '2/other-dealer', section: '2', level: 'MUST', seed: VPWS, text: "Another dealer's transaction answers 403, whatever state that transaction is in." },
  { id: '2/not-cancellable', section: '2', level: 'MUST', seed: VPWS, text: 'A transaction that is not successful, or whose bank provision period has expired, is not cancelled: data.isSuccess false with a non-null errorCode or errorMessage (HTTP 200 or 4xx).' },
  { id: '2/reference-required', section: '2', level: 'MUST', seed: VPWS, text: 'A missing or empty referenceCode is refused (4xx, or 200 with isSuccess false).' },
  { id: '2/repeat-cancel', section: '2', level: 'MAY', seed: VPWS, text: 'A second cancel of the same referenceCode may succeed again or answer isSuccess false; it must not answer 5xx.' },
  { id: '2/no-5xx', section: '2', level: 'MUST', seed: VPWS, text: 'Bad input (bad JSON, wrong types) is not answered with a 5xx.' },
];

const VIVA = '003_d27c3242387cebe6.txt';

/**
 * PROFILE.md section 3: the Viva Terminal Cancel/Refund inter-app request. The `3/request-*`
 * clauses bind a client app's request URI (`paycert viva lint`); the `3/callback-*` and
 * `3/terminal-*` clauses bind a terminal's answer.
 */
export const VIVA_CLAUSES: readonly Clause[] = [
  { id: '3/request-uri', section: '3', side: 'client', level: 'MUST', seed: VIVA, text: 'The request URI has scheme vivapayclient, host pay and path /v1.' },
  { id: '3/request-required', section: '3', side: 'client', level: 'MUST', seed: VIVA, text: 'merchantKey, appId and callback are non-empty.' },
  { id: '3/request-action', section: '3', side: 'client', level: 'MUST', seed: VIVA, text: 'action is cancel.' },
  { id: '3/request-protocol', section: '3', side: 'client', level: 'SHOULD', seed: VIVA, text: 'protocol is int_default.' },
  { id: '3/request-amount', section: '3', side: 'both', level: 'MUST', seed: VIVA, text: 'amount, when present, is digits only (cents); absent means a full refund.' },
  { id: '3/request-reference-number', section: '3', side: 'client', level: 'SHOULD', seed: VIVA, text: 'referenceNumber (the STAN) is 6 digits.' },
  { id: '3/request-unique-params', section: '3', side: 'both', level: 'MUST', seed: VIVA, text: 'A parameter does not appear twice in a request URI (which value counts would be undefined).' },
  { id: '3/request-dates', section: '3', side: 'both', level: 'MUST', seed: VIVA, text: 'txnDateFrom and txnDateTo are ISO 8601 with an offset (the seed writes 2021-03-29T00:00:00.000+0300); txnDateTo without txnDateFrom is an error.' },
  { id: '3/request-flags', section: '3', side: 'client', level: 'MUST', seed: VIVA, text: 'show_receipt and show_transaction_result are true or false.' },
  { id: '3/request-aade', section: '3', side: 'client', level: 'MUST', seed: VIVA, text: 'aadeProviderId, aadeProviderSignatureData (8 fields joined by ";", the second may be empty) and aadeProviderSignature (base64) come all three or none.' },
  { id: '3/request-aade-signature', section: '3', side: 'both', level: 'MUST', seed: VIVA, text: "Where the provider's public key is configured, aadeProviderSignature is a valid ECDSA P-256 / SHA-256 signature of aadeProviderSignatureData." },
  { id: '3/adapter', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'A terminal implementation is reached through its HTTP adapter: POST {base_url}/interapp with {"uri": "<request URI>"} answers {"callback": "<callback URI>"}.' },
  { id: '3/terminal-precedence', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'When several are given, the terminal searches by shortOrderCode, then orderCode, then referenceNumber.' },
  { id: '3/terminal-short-code', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: "A shortOrderCode finds only this terminal's payments: another terminal's sale is not found (seed 003; PROFILE is silent, decision I16)." },
  { id: '3/terminal-refuses-bad-request', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'A terminal refuses, with a failure callback, a request that breaks a request MUST of section 3 (empty or missing merchantKey, appId or callback, another action, a non-digit amount, a partial AADE set, malformed dates, txnDateTo alone, a repeated parameter).' },
  { id: '3/terminal-date-window', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'txnDateFrom and txnDateTo bound the search, both inclusive (txnDateTo defaults to now): a terminal never cancels or refunds a transaction outside them.' },
  { id: '3/terminal-refund-limit', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'The refunds of a transaction never add up to more than its amount: a refund above what is left is a failure callback.' },
  { id: '3/terminal-remaining-refund', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'A refund without amount refunds what remains of the transaction (after earlier partial refunds, only the rest).' },
  { id: '3/callback-fields', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'The callback is {callback}://result with status (success or a failure), message, action=cancel, amount (digits), cardType, accountNumber, orderCode, shortOrderCode, tid, transactionDate (ISO 8601) and transactionId (UUID).' },
  { id: '3/callback-failure-message', section: '3', side: 'terminal', level: 'SHOULD', seed: VIVA, text: 'A failure callback carries a status other than success and a message.' },
  { id: '3/callback-date-offset', section: '3', side: 'terminal', level: 'SHOULD', seed: VIVA, text: "transactionDate carries its UTC offset, as the seed's example does (2021-03-30T00:00:00.000+0300): without one a client cannot tell the transaction's day (PROFILE says only ISO 8601; decision I18)." },
  { id: '3/callback-masking', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'accountNumber shows only the first 6 and last 4 digits, stars between.' },
  { id: '3/callback-aade', section: '3', side: 'terminal', level: 'MUST', seed: VIVA, text: 'aadeTransactionId (acquirer code + 12-digit RRN + 6-character authorization code) is in the callback when the request carried AADE parameters.' },
];

/** The section 3 clauses a terminal is certified against (`paycert run --profile viva-interapp`). */
export const VIVA_TERMINAL_CLAUSES: readonly Clause[] = VIVA_CLAUSES.filter((c) => c.side !== 'client');

/** The clauses a run of a profile certifies, for its coverage table (section 3: the terminal's). */
export function clausesOf(profile: string): readonly Clause[] {
  if (profile === 'viva-interapp') return VIVA_TERMINAL_CLAUSES;
  return profile === 'vpws' ? VPWS_CLAUSES : POS_CLAUSES;
}

const BY_ID = new Map([...POS_CLAUSES, ...VPWS_CLAUSES, ...VIVA_CLAUSES].map((c) => [c.id, c]));

export function clauseById(id: string): Clause | undefined {
  return BY_ID.get(id);
}
