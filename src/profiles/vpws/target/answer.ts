/**
 * The answer body of PROFILE section 2 for an outcome: the wrapper (message, statusCode,
 * exceptions, data, oldData, errors) and `data`. What PROFILE leaves free (the texts, the free
 * fields' values, data on a refusal with no transaction, a refusal's statusCode, extra fields)
 * follows the target's liberties, so the legal variations differ from the reference only there.
 */
import { randomBytes } from 'node:crypto';
import type { VpwsLiberties } from './options';
import { text } from './refusals';
import type { VpwsData, VpwsOutcome, VpwsResponseBody } from './types';

/** The HTTP status of an outcome. */
export function outcomeStatus(outcome: VpwsOutcome): number {
  return outcome.kind === 'cancelled' ? 200 : outcome.refusal.status;
}

/** `statusCode` in the body: 200 on a success (PROFILE 2); on a refusal the HTTP status, or the gateway's own code. */
function statusCodeOf(outcome: VpwsOutcome, liberties: VpwsLiberties): number {
  const status = outcomeStatus(outcome);
  return outcome.kind === 'refused' && liberties.refusalStatusCode === 'own' ? 1000 + status : status;
}

/** An errorCode for a refusal that has none of its own (401, 403, a bad body), when `data` is written anyway. */
const PLAIN_ERROR_CODES: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'TOO_LARGE' };

function dataOf(outcome: VpwsOutcome, liberties: VpwsLiberties): VpwsData | null {
  if (outcome.kind === 'cancelled') {
    // Seed 004: lastAmount is what remains after the cancel, 0 for a successful one.
    return { lastAmount: 0, transactionStatusId: outcome.tx.transactionStatusId, errorCode: null, isSuccess: true, errorMessage: null };
  }
  const { error, status, message } = outcome.refusal;
  if (error === undefined) {
    if (!liberties.dataOnRefusals) return null;
    return { lastAmount: 0, transactionStatusId: 0, errorCode: PLAIN_ERROR_CODES[status] ?? `HTTP_${status}`, isSuccess: false, errorMessage: message };
  }
  const tx = outcome.tx;
  return {
    lastAmount: tx === undefined || tx.cancelled ? 0 : tx.amount,
    // An unknown referenceCode has no status; 0 is no status the gateway uses.
    transactionStatusId: tx?.transactionStatusId ?? 0,
    errorCode: error.code,
    isSuccess: false,
    errorMessage: error.message,
  };
}

type FreeFields = Pick<VpwsResponseBody, 'exceptions' | 'oldData' | 'errors'>;

/** `exceptions`, `oldData` and `errors` (PROFILE 2: any JSON value); a refusal's reason goes in `errors`. */
function freeFieldsOf(outcome: VpwsOutcome, liberties: VpwsLiberties): FreeFields {
  const reason = outcome.kind === 'refused' ? (outcome.refusal.error?.message ?? outcome.refusal.message) : undefined;
  const tx = outcome.tx;
  switch (liberties.freeFields) {
    case 'array':
      return { exceptions: [], oldData: tx ? [{ referenceCode: tx.referenceCode }] : [], errors: reason === undefined ? [] : [reason] };
    case 'object':
      return { exceptions: {}, oldData: tx ? { referenceCode: tx.referenceCode, transactionStatusId: tx.transactionStatusId } : {}, errors: reason === undefined ? {} : { request: [reason] } };
    case 'string':
      return { exceptions: '', oldData: '', errors: reason ?? '' };
    default:
      return { exceptions: null, oldData: null, errors: null };
  }
}

/** The answer wrapper of PROFILE section 2, for every answer of the API. */
export function answerBody(outcome: VpwsOutcome, liberties: VpwsLiberties, nowMs: number): VpwsResponseBody {
  const data = dataOf(outcome, liberties);
  const message = outcome.kind === 'cancelled' ? text('success', liberties) : outcome.refusal.message;
  const { exceptions, oldData, errors } = freeFieldsOf(outcome, liberties);
  const body: VpwsResponseBody = { message, statusCode: statusCodeOf(outcome, liberties), exceptions, data, oldData, errors };
  if (liberties.extraFields) {
    body.traceId = randomBytes(8).toString('hex');
    body.timestamp = new Date(nowMs).toISOString();
    if (data !== null) {
      data.currency = 'TRY';
      if (outcome.tx !== undefined) data.referenceCode = outcome.tx.referenceCode;
    }
  }
  return body;
}
