/** PROFILE.md section 2 as a list of clauses, one per rule, with a stable id that checks cite. */
import type { Clause } from '../../profile/clauses';

const VPWS = '004_42d678b659d40524.txt';

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
