/**
 * What a reference target is: its credentials, its test cards, the choices PROFILE leaves to an
 * implementation (MAY), the liberties any implementation may take, and its rules. Everything has
 * a default, so `resolveTargetOptions({})` is the conformant reference target.
 */
import type { KcvBytes, KcvMethod } from '../../../crypto/kcv';
import { DEFAULT_CARDS } from '../../../profile/pos';
import { DEFAULT_WIRE_LIBERTIES, type WireLiberties } from '../../../target-kit/http';
import { referenceRules, type PosRules } from './rules';

/** The published test credentials of the embedded target (never use them outside tests). */
export const REFERENCE_CREDENTIALS = {
  terminalId: 'TERM-001',
  keyId: 'hmac-key-2025-01',
  hmacSecret: 'paycert-reference-secret-do-not-use',
  msk: '000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F',
} as const;

/** Choices PROFILE allows (MAY); each value is conformant. The defaults are the first listed. */
export interface MayChoices {
  /** PROFILE 1.6: refund of an approved charge that is not settled yet. */
  refundBeforeSettlement: 'accept' | 'refuse';
  /** PROFILE 1.7: cancelling a charge that is already cancelled. */
  repeatCancel: 'refuse' | 'repeat';
  /** PROFILE 1.4: status for an unknown charge id. */
  unknownChargeStatus: 404 | 400;
  /** PROFILE 1.5: an Idempotency-Key repeated with a different body. */
  idempotencyConflict: 'original' | 'reject';
  /** PROFILE 1.3: KCV form. */
  kcvBytes: KcvBytes;
  /** PROFILE 1.1: status for a device-header violation. */
  deviceHeaderStatus: 401 | 400;
}

/** Liberties any implementation may take that a check must never hold against it. */
export interface Liberties extends WireLiberties {
  hexCase: 'upper' | 'lower';
  /** Add fields that PROFILE does not name, inside and outside the envelope. */
  extraFields: boolean;
  /** How generated ids look. */
  idStyle: 'prefixed' | 'uuid' | 'numeric';
  /** Error messages in other words (PROFILE 1.4: message text is free). */
  otherErrorMessages: boolean;
  /** RFC 3339 timestamps with fractions and offsets in extra answer fields (`created_at`). */
  timestampsInAnswers: boolean;
  /** The code of a 404's error body (PROFILE 1.4: any 4 digits). */
  notFoundCode: string;
  /** Milliseconds every answer waits before it is written (a target far away, or busy). */
  answerDelayMs: number;
}

export interface Terminal {
  id: string;
  /** AES-256 key, 32 bytes. */
  msk: Buffer;
}

export interface TargetOptions {
  terminals: Terminal[];
  /** HMAC secrets by key id. */
  keys: Record<string, string>;
  kcvMethod: KcvMethod;
  cards: { approved: string; declined: string; pending: string };
  may: MayChoices;
  liberties: Liberties;
  /** The rules; a faulty variant replaces one of them. */
  rules: PosRules;
  /** How long the simulated acquirer takes to answer, ms (default 5). */
  gatewayLatencyMs: number;
  /** Serve the state hook of PROFILE section 4 at STATE_HOOK_PATH. */
  stateHook: boolean;
  /** The target's clock, epoch milliseconds (tests move it). */
  now: () => number;
  /** Called with an unexpected exception before the target answers 500 (it never prints). */
  onInternalError: (error: unknown) => void;
}


export const DEFAULT_MAY: MayChoices = {
  refundBeforeSettlement: 'accept',
  repeatCancel: 'refuse',
  unknownChargeStatus: 404,
  idempotencyConflict: 'original',
  kcvBytes: 3,
  deviceHeaderStatus: 401,
};

export const DEFAULT_LIBERTIES: Liberties = {
  ...DEFAULT_WIRE_LIBERTIES,
  hexCase: 'upper',
  extraFields: false,
  idStyle: 'prefixed',
  otherErrorMessages: false,
  timestampsInAnswers: false,
  notFoundCode: '4040',
  answerDelayMs: 0,
};

export type TargetOptionsInput = Partial<Omit<TargetOptions, 'may' | 'liberties' | 'rules' | 'cards'>> & {
  may?: Partial<MayChoices>;
  liberties?: Partial<Liberties>;
  /** Rules to replace (a fault switches one). */
  rules?: Partial<PosRules>;
  cards?: Partial<TargetOptions['cards']>;
};

/** Fills every default; the result is complete. */
export function resolveTargetOptions(input: TargetOptionsInput = {}): TargetOptions {
  return {
    terminals: input.terminals ?? [
      { id: REFERENCE_CREDENTIALS.terminalId, msk: Buffer.from(REFERENCE_CREDENTIALS.msk, 'hex') },
    ],
    keys: input.keys ?? { [REFERENCE_CREDENTIALS.keyId]: REFERENCE_CREDENTIALS.hmacSecret },
    kcvMethod: input.kcvMethod ?? 'cmac',
    cards: { ...DEFAULT_CARDS, pending: '4000000000000051', ...input.cards },
    may: { ...DEFAULT_MAY, ...input.may },
    liberties: { ...DEFAULT_LIBERTIES, ...input.liberties },
    rules: { ...referenceRules, ...input.rules },
    gatewayLatencyMs: input.gatewayLatencyMs ?? 5,
    stateHook: input.stateHook ?? true,
    now: input.now ?? Date.now,
    onInternalError: input.onInternalError ?? (() => undefined),
  };
}
