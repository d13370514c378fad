/**
 * The rules of VPWS Dealer Payment Cancellation (PROFILE section 2) as the reference target
 * applies them, one named entry per rule. The pipeline (./handle.ts) calls only these, so a faulty
 * variant is the reference target with one entry replaced:
 * `startVpwsTarget({ rules: { checkOwner: () => null } })`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { answerBody as writeAnswerBody } from './answer';
import type { VpwsTargetOptions } from './options';
import { cancelRefusal, plainRefusal } from './refusals';
import type { VpwsStore } from './store';
import { DEALERS, type Dealer, type VpwsCancelRequest, type VpwsHttpRequest, type VpwsOutcome, type VpwsRefusal, type VpwsTransaction } from './types';

/** What every rule may read: the target's options (MAY choices, liberties, clock) and state. */
export interface VpwsContext {
  options: VpwsTargetOptions;
  store: VpwsStore;
}

export interface VpwsRules {
  /**
   * The dealer whose token the Authorization header carries, whole and exact after the scheme
   * `Bearer` (any case, RFC 7235); anything else is 401 (PROFILE 2, 2/token-exact).
   */
  authenticate(request: VpwsHttpRequest, ctx: VpwsContext): Dealer | VpwsRefusal;
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
export function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The credentials after the scheme `Bearer` (any case; one or more spaces, RFC 7235 `1*SP`), or undefined. */
export function bearerToken(authorizationHeader: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(authorizationHeader ?? '')?.[1];
}

/** The dealer holding `token` compared by `same`, or undefined. */
export function dealerOf(token: string | undefined, ctx: VpwsContext, same: (given: string, expected: string) => boolean = sameToken): Dealer | undefined {
  return token === undefined ? undefined : DEALERS.find((d) => same(token, ctx.options.tokens[d]));
}

export function authenticate(request: VpwsHttpRequest, ctx: VpwsContext): Dealer | VpwsRefusal {
  return dealerOf(bearerToken(request.authorization), ctx) ?? plainRefusal(401, 'unauthorized', ctx.options.liberties);
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

/** The reference answer body (./answer.ts) with the target's liberties and clock. */
export const answerBody = (outcome: VpwsOutcome, ctx: VpwsContext) => writeAnswerBody(outcome, ctx.options.liberties, ctx.options.now());

export { outcomeStatus } from './answer';

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
