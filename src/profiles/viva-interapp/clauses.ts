/** PROFILE.md section 3 as a list of clauses, one per rule, with a stable id that checks cite. */
import type { Clause } from '../../profile/clauses';

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
