/**
 * The nouns of the VPWS target: dealers, transactions, refusals, outcomes and the answer body of
 * PROFILE section 2. No behaviour lives here, so every other file can import it without cycles.
 */

/** The two dealers PROFILE section 2 asks a target to give the harness a token for. */
export type Dealer = 'dealer_a' | 'dealer_b';

export const DEALERS: readonly Dealer[] = ['dealer_a', 'dealer_b'];

export const isDealer = (value: unknown): value is Dealer => value === 'dealer_a' || value === 'dealer_b';

/** A payment transaction as the state hook creates it (no public call creates one). */
export interface VpwsTransaction {
  referenceCode: string;
  dealer: Dealer;
  /** 1 = successful (the only cancellable status, seed 004). */
  transactionStatusId: number;
  amount: number;
  /** The bank provision period has passed: the bank no longer accepts a cancel. */
  provisionExpired: boolean;
  cancelled: boolean;
  /**
   * How many times a cancel actually went to the bank. More than 1 means two requests both
   * cancelled it, which the lock exists to prevent; tests read it to show the race is real.
   */
  cancellations: number;
}

/** The request body once read: `referenceCode` is non-empty. */
export interface VpwsCancelRequest {
  referenceCode: string;
  reason?: string;
}

/** The errorCodes of a refused cancel (the seed names none; these are the reference target's). */
export type VpwsErrorCode = 'TX_NOT_SUCCESSFUL' | 'PROVISION_EXPIRED' | 'NOT_FOUND' | 'ALREADY_CANCELLED' | 'REFERENCE_REQUIRED';

/**
 * A refusal as the target answers it. With `error` the answer carries `data` with isSuccess false
 * and that errorCode/errorMessage; without, `data` is null (401, 403, malformed requests).
 */
export interface VpwsRefusal {
  status: number;
  message: string;
  error?: { code: VpwsErrorCode; message: string };
  /** Extra response headers (Allow on a 405). */
  headers?: Record<string, string>;
}

export const isRefusal = (value: unknown): value is VpwsRefusal =>
  typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';

/** What a request came to; `answerBody` turns it into the body. */
export type VpwsOutcome =
  | { kind: 'cancelled'; tx: VpwsTransaction }
  | { kind: 'refused'; refusal: VpwsRefusal; tx?: VpwsTransaction };

/** `data` of PROFILE section 2. */
export interface VpwsData {
  lastAmount: number;
  transactionStatusId: number;
  errorCode: string | null;
  isSuccess: boolean;
  errorMessage: string | null;
  [extra: string]: unknown;
}

/** The answer wrapper of PROFILE section 2; every answer of the API has this shape. */
export interface VpwsResponseBody {
  message: string;
  statusCode: number;
  /** Any JSON value (PROFILE 2): the reference writes null, a variation arrays, objects or strings. */
  exceptions: unknown;
  data: VpwsData | null;
  oldData: unknown;
  errors: unknown;
  [extra: string]: unknown;
}

/**
 * What the token rule may read of a request. The reference reads only `authorization`; the rest is
 * there so that a fault can take a token from where PROFILE 2 says no token counts (the query,
 * the body, another header).
 */
export interface VpwsHttpRequest {
  /** The Authorization header, as Node gives it (undefined when absent). */
  authorization: string | undefined;
  /** Every header, lower-case names. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The query string's parameters. */
  query: URLSearchParams;
  /** The raw body. */
  body: Buffer;
}
