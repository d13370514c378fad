/**
 * PROFILE.md section 1 as a list of clauses, one per rule, with a stable id. Every check cites
 * one (`ref.clause`); the coverage table is built from this list, and a test fails when a MUST
 * or SHOULD clause has no check. MAY clauses list the checks that accept every allowed answer.
 */
import type { Clause } from '../../profile/clauses';

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
