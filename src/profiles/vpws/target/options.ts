/**
 * What a VPWS reference target is: the tokens of its two dealers, the choices PROFILE section 2
 * leaves to an implementation (MAY), the liberties any implementation may take, and its rules.
 * Everything has a default, so `resolveVpwsTargetOptions({})` is the conformant reference target.
 */
import { DEFAULT_WIRE_LIBERTIES, type WireLiberties } from '../../../target-kit/http';
import { STATE_HOOK_PATH } from '../../../target-kit/state-request';
import { referenceVpwsRules, type VpwsRules } from './rules';
import type { Dealer } from './types';

/** The only route of the API (seed 004). */
export const VPWS_CANCEL_PATH = '/vpws/payment/cancel';

/** The state hook path, the same as the Viopay target's so one harness setting serves both. */
export const VPWS_STATE_HOOK_PATH = STATE_HOOK_PATH;

/** The published test tokens of the embedded VPWS target (never use them outside tests). */
export const VPWS_REFERENCE_TOKENS: Readonly<Record<Dealer, string>> = {
  dealer_a: 'paycert-vpws-dealer-a-token',
  dealer_b: 'paycert-vpws-dealer-b-token',
};

/** Choices PROFILE section 2 allows (MAY); each value is conformant. The defaults are the first listed. */
export interface VpwsMayChoices {
  /** A second cancel of the same referenceCode: isSuccess false, or success again (idempotent). */
  repeatCancel: 'refuse' | 'succeed';
  /** HTTP status of a refused cancel (isSuccess false in the body either way). */
  refusalStatus: 200 | 400 | 422;
  /** A missing or empty referenceCode: 4xx, or 200 with isSuccess false. */
  missingReferenceStatus: 400 | 200;
}

/**
 * Liberties any implementation may take that a check must never hold against it: the wire's
 * (pretty JSON, key order, charset, chunked, Connection: close, extra headers) and the body's.
 */
export interface VpwsLiberties extends WireLiberties {
  /** Fields PROFILE does not name, beside the wrapper's and inside `data`. */
  extraFields: boolean;
  /** `message` and `errorMessage` in other words (their text is free). */
  messageText: 'default' | 'other';
  /** What `exceptions`, `oldData` and `errors` hold (PROFILE 2: any JSON value); a refusal's reason goes in `errors`. */
  freeFields: 'null' | 'array' | 'object' | 'string';
  /** `data` on the refusals that have no transaction to describe (401, 403, bad body...): null, or an object with isSuccess false. */
  dataOnRefusals: boolean;
  /** `statusCode` of a refusal: the HTTP status, or a code of the gateway's own (PROFILE fixes it only on a success). */
  refusalStatusCode: 'http' | 'own';
  /** Whole numbers of `data` written with a decimal point (`"lastAmount": 0.0`), as the seed's example. */
  decimalAmounts: boolean;
}

export interface VpwsTargetOptions {
  /** Bearer token of each dealer. */
  tokens: Record<Dealer, string>;
  may: VpwsMayChoices;
  liberties: VpwsLiberties;
  /** The rules; a faulty variant replaces one of them. */
  rules: VpwsRules;
  /** How long the simulated bank takes to confirm a cancel, ms (default 5). */
  gatewayLatencyMs: number;
  /** The target's clock, epoch milliseconds (tests move it). */
  now: () => number;
  /** Called with an unexpected exception before the target answers 500 (it never prints). */
  onInternalError: (error: unknown) => void;
  /** Serve the state hook of PROFILE section 4 at VPWS_STATE_HOOK_PATH. */
  stateHook: boolean;
}

export const DEFAULT_VPWS_MAY: VpwsMayChoices = {
  repeatCancel: 'refuse',
  refusalStatus: 200,
  missingReferenceStatus: 400,
};

export const DEFAULT_VPWS_LIBERTIES: VpwsLiberties = {
  ...DEFAULT_WIRE_LIBERTIES,
  extraFields: false,
  messageText: 'default',
  freeFields: 'null',
  dataOnRefusals: false,
  refusalStatusCode: 'http',
  decimalAmounts: false,
};

export type VpwsTargetOptionsInput = Partial<Omit<VpwsTargetOptions, 'tokens' | 'may' | 'liberties' | 'rules'>> & {
  tokens?: Partial<Record<Dealer, string>>;
  may?: Partial<VpwsMayChoices>;
  liberties?: Partial<VpwsLiberties>;
  /** Rules to replace (a fault switches one). */
  rules?: Partial<VpwsRules>;
};

/** Fills every default; the result is complete. */
export function resolveVpwsTargetOptions(input: VpwsTargetOptionsInput = {}): VpwsTargetOptions {
  return {
    tokens: { ...VPWS_REFERENCE_TOKENS, ...input.tokens },
    may: { ...DEFAULT_VPWS_MAY, ...input.may },
    liberties: { ...DEFAULT_VPWS_LIBERTIES, ...input.liberties },
    rules: { ...referenceVpwsRules, ...input.rules },
    gatewayLatencyMs: input.gatewayLatencyMs ?? 5,
    now: input.now ?? Date.now,
    onInternalError: input.onInternalError ?? (() => undefined),
    stateHook: input.stateHook ?? true,
  };
}
