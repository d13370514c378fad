/**
 * The rules of VPWS Dealer Payment Cancellation (PROFILE section 2) as the reference target
 * applies them, one named entry per rule. The pipeline (./handle.ts) calls only these, so a faulty
 * variant is the reference target with one entry replaced:
 * `startVpwsTarget({ rules: { checkOwner: () => null } })`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { VpwsTargetOptions } from './options';
import { cancelRefusal, plainRefusal, text } from './refusals';
import type { VpwsStore } from './store';
import { DEALERS, type Dealer, type VpwsCancelRequest, type VpwsData, type VpwsOutcome, type VpwsRefusal, type VpwsResponseBody, type VpwsTransaction } from './types';

/** What every rule may read: the target's options (MAY choices, liberties, clock) and state. */
export interface VpwsContext {
  options: VpwsTargetOptions;
  store: VpwsStore;
}

export interface VpwsRules {
  /** Bearer token to dealer; no token or an unknown one is 401. */
  authenticate(authorizationHeader: string | undefined, ctx: VpwsContext): Dealer | VpwsRefusal;
  /** The JSON body; not JSON is 400, a missing or empty referenceCode is refused (may.missingReferenceStatus). */
  readRequest(body: Buffer, ctx: VpwsContext): VpwsCancelRequest | VpwsRefusal;
  /** The transaction a referenceCode names, if any. */
  findTransaction(referenceCode: string, ctx: VpwsContext): VpwsTransaction | undefined;
  /** "A dealer can only cancel transactions they have performed": another dealer's is 403. */
  checkOwner(tx: VpwsTransaction, dealer: Dealer, ctx: VpwsContext): VpwsRefusal | null;
  /** 'cancel' now, 'repeat' an earlier cancel (may.repeatCancel), or a refused cancel. */
  decideCancel(tx: VpwsTransaction | undefined, ctx: VpwsContext): 'cancel' | 'repeat' | VpwsRefusal;
  /** The answer wrapper of PROFILE section 2, for every answer of the API. */
  answerBody(outcome: VpwsOutcome, ctx: VpwsContext): object;
  /** Serialises work on one referenceCode, so two concurrent cancels cannot both cancel it. */
  withLock<T>(referenceCode: string, work: () => Promise<T>, ctx: VpwsContext): Promise<T>;
  /**
   * The bank round trip between the decision and its commit. It takes `gatewayLatencyMs`, as a
   * real bank takes milliseconds, so concurrent cancels really overlap: that is what the lock is for.
   */
  gatewayRoundTrip(ctx: VpwsContext): Promise<void>;
}

/** Compares digests, so the time taken says nothing about how much of a token matched. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function authenticate(authorizationHeader: string | undefined, ctx: VpwsContext): Dealer | VpwsRefusal {
  const token = /^Bearer +(\S+) *$/i.exec(authorizationHeader ?? '')?.[1];
  const dealer = token === undefined ? undefined : DEALERS.find((d) => sameToken(token, ctx.options.tokens[d]));
  return dealer ?? plainRefusal(401, 'unauthorized', ctx.options.liberties);
}

export function readRequest(body: Buffer, ctx: VpwsContext): VpwsCancelRequest | VpwsRefusal {
  const { may, liberties } = ctx.options;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return plainRefusal(400, 'badJson', liberties);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return plainRefusal(400, 'badJson', liberties);
  const { referenceCode, reason } = parsed as { referenceCode?: unknown; reason?: unknown };
  // Whitespace-only counts as empty: no gateway issues a blank referenceCode.
  if (referenceCode === undefined || referenceCode === null || (typeof referenceCode === 'string' && referenceCode.trim() === '')) {
    return cancelRefusal('REFERENCE_REQUIRED', may, liberties);
  }
  if (typeof referenceCode !== 'string') return plainRefusal(400, 'badField', liberties);
  if (reason !== undefined && reason !== null && typeof reason !== 'string') return plainRefusal(400, 'badField', liberties);
  return typeof reason === 'string' ? { referenceCode, reason } : { referenceCode };
}

export function decideCancel(tx: VpwsTransaction | undefined, ctx: VpwsContext): 'cancel' | 'repeat' | VpwsRefusal {
  const { may, liberties } = ctx.options;
  if (tx === undefined) return cancelRefusal('NOT_FOUND', may, liberties);
  if (tx.cancelled) return may.repeatCancel === 'succeed' ? 'repeat' : cancelRefusal('ALREADY_CANCELLED', may, liberties);
  if (tx.transactionStatusId !== 1) return cancelRefusal('TX_NOT_SUCCESSFUL', may, liberties);
  if (tx.provisionExpired) return cancelRefusal('PROVISION_EXPIRED', may, liberties);
  return 'cancel';
}

/** The HTTP status of an outcome; `statusCode` in the body repeats it. */
export function outcomeStatus(outcome: VpwsOutcome): number {
  return outcome.kind === 'cancelled' ? 200 : outcome.refusal.status;
}

function dataOf(outcome: VpwsOutcome): VpwsData | null {
  if (outcome.kind === 'cancelled') {
    // Seed 004: lastAmount is what remains after the cancel, 0 for a successful one.
    return { lastAmount: 0, transactionStatusId: outcome.tx.transactionStatusId, errorCode: null, isSuccess: true, errorMessage: null };
  }
  const { error } = outcome.refusal;
  if (error === undefined) return null;
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

export function answerBody(outcome: VpwsOutcome, ctx: VpwsContext): VpwsResponseBody {
  const { liberties } = ctx.options;
  const data = dataOf(outcome);
  const message = outcome.kind === 'cancelled' ? text('success', liberties) : outcome.refusal.message;
  const body: VpwsResponseBody = { message, statusCode: outcomeStatus(outcome), exceptions: null, data, oldData: null, errors: null };
  if (liberties.extraFields) {
    body.traceId = randomBytes(8).toString('hex');
    body.timestamp = new Date(ctx.options.now()).toISOString();
    if (data !== null && outcome.tx !== undefined) {
      data.referenceCode = outcome.tx.referenceCode;
      data.currency = 'TRY';
    }
  }
  return body;
}

export const referenceVpwsRules: VpwsRules = {
  authenticate,
  readRequest,
  findTransaction: (referenceCode, ctx) => ctx.store.transactions.get(referenceCode),
  checkOwner: (tx, dealer, ctx) => (tx.dealer === dealer ? null : plainRefusal(403, 'forbidden', ctx.options.liberties)),
  decideCancel,
  answerBody,
  withLock: (referenceCode, work, ctx) => ctx.store.lock.run(referenceCode, work),
  gatewayRoundTrip: (ctx) => new Promise((resolve) => setTimeout(resolve, ctx.options.gatewayLatencyMs)),
};
