/**
 * The rules of the Viopay POS API as the reference target applies them, one named entry per rule.
 * The request pipeline (../handle.ts) calls only these, so a faulty variant is the reference
 * target with one entry replaced: `startReferenceTarget({ rules: { checkNonceReplay: () => null } })`.
 */
import type { CanonicalParts } from '../../../../crypto/canonical';
import type { Envelope } from '../../../../crypto/envelope';
import type { PaymentStatus } from '../../../../profile/pos';
import type { SchemaName } from '../../../../schemas/validator';
import type { Terminal } from '../options';
import type { Rejection } from '../rejection';
import type { PosRequest } from '../request';
import type { Amount, Charge } from '../store';
import { checkAmount } from './amount';
import { decideCancel, unknownCharge } from './cancel';
import { checkChargeTerminal, decideCharge, type ChargeRequest } from './charge';
import type { RuleContext } from './context';
import { checkDeviceHeaders } from './device-headers';
import { openRequestBody, responseIv, sealResponse } from './envelope';
import { readPlaintext } from './plaintext';
import { errorBody } from './errors';
import { fingerprint, idempotentCharge } from './idempotency';
import { checkNonceFormat, checkNonceReplay } from './nonce';
import { checkRefund } from './refund';
import { matchRoute, type Route } from './routes';
import { canonicalPartsOf, checkSignature, secretFor } from './signature';
import { checkTimestamp } from './timestamp';

export type { RuleContext } from './context';
export type { ChargeRequest } from './charge';
export type { Route, Operation } from './routes';

export interface PosRules {
  /** 1.1 routes: the operation a path names, or null (404). */
  matchRoute(path: string): Route | null;
  /** 1.1 device headers. */
  checkDeviceHeaders(req: PosRequest, ctx: RuleContext): Rejection | null;
  /** 1.2 the secret of a key id; undefined for an unknown key. */
  secretFor(keyId: string, ctx: RuleContext): string | undefined;
  /** 1.2 the timestamp window. */
  checkTimestamp(value: string, nowMs: number): Rejection | null;
  /** 1.2 the nonce alphabet and length. */
  checkNonceFormat(nonce: string): Rejection | null;
  /** 1.2 what the signature covers. */
  canonicalPartsOf(req: PosRequest, ctx: RuleContext): CanonicalParts;
  /** 1.2 the signature itself. */
  checkSignature(value: string | undefined, parts: CanonicalParts, secret: string): Rejection | null;
  /** 1.2 nonce replay (records the nonce); `req` lets a variant key its store differently. */
  checkNonceReplay(keyId: string, nonce: string, ctx: RuleContext, req: PosRequest): Rejection | null;
  /**
   * 1.2 what becomes of a verified nonce once the request is answered: it stays used whatever the
   * answer (a variant forgets the nonces of refused requests).
   */
  nonceAfterAnswer(keyId: string, nonce: string, status: number, ctx: RuleContext): void;
  /** 1.1 / 1.3 the terminal an X-Terminal-Id names (its MSK seals the answer), or undefined. */
  findTerminal(terminalId: string | undefined, ctx: RuleContext): Terminal | undefined;
  /** 1.3 opening a request body; throws EnvelopeError. */
  openRequestBody(body: Buffer, msk: Buffer): unknown;
  /** 1.5 / 1.6 reading a plaintext against its schema (throws RejectionError 400). */
  readPlaintext(schema: SchemaName, plaintext: unknown): unknown;
  /** 1.3 the IV of each answer. */
  responseIv(): Buffer;
  /** 1.3 the envelope of a 200 answer. */
  sealResponse(plaintext: unknown, msk: Buffer, ctx: RuleContext): Envelope;
  /** 1.4 the answer to a request body over MAX_BODY_BYTES: bad input, so a 4xx (413). */
  oversizedBody(): Rejection;
  /** 1.4 the error body. */
  errorBody(rejection: Rejection, traceId: string, ctx: RuleContext): unknown;
  /** 1.5/1.6 amount rules beyond the schema. */
  checkAmount(amount: Amount): Rejection | null;
  /** 1.5 terminal.id against X-Terminal-Id. */
  checkChargeTerminal(charge: ChargeRequest, req: PosRequest): Rejection | null;
  /** 1.5 approved, declined or pending. */
  decideCharge(charge: ChargeRequest, ctx: RuleContext): PaymentStatus;
  /** 1.5 what counts as "the same body" for an idempotent repeat. */
  fingerprint(plaintext: unknown): string;
  /** 1.5 idempotency, concurrency included. */
  idempotentCharge(scope: string, print: string, create: () => Promise<Charge>, ctx: RuleContext): Promise<Charge>;
  /** 1.6 / 1.8 refundability and the refund total. */
  checkRefund(charge: Charge, amount: Amount, ctx: RuleContext): Rejection | null;
  /** 1.6 how refunds of one charge are serialised (the check and the commit in one critical section). */
  withChargeLock<T>(chargeId: string, work: () => Promise<T>, ctx: RuleContext): Promise<T>;
  /** 1.6 / 1.7 the charge a path's id names: that id exactly, or undefined (unknown). */
  findCharge(chargeId: string, ctx: RuleContext): Charge | undefined;
  /** 1.7 / 1.8 cancellability. */
  decideCancel(charge: Charge, ctx: RuleContext): 'cancel' | 'repeat' | Rejection;
  /** 1.4 / 1.7 the answer for an unknown charge id. */
  unknownCharge(ctx: RuleContext): Rejection;
  /**
   * The acquirer round trip between a decision and its commit. It takes `gatewayLatencyMs`, as a
   * real gateway takes milliseconds, so concurrent requests really overlap: that overlap is what
   * the lock and the idempotency reservation above are for.
   */
  gatewayRoundTrip(ctx: RuleContext): Promise<void>;
}

export const referenceRules: PosRules = {
  matchRoute,
  checkDeviceHeaders,
  secretFor,
  checkTimestamp,
  checkNonceFormat,
  canonicalPartsOf,
  checkSignature,
  checkNonceReplay,
  nonceAfterAnswer: () => undefined,
  findTerminal: (terminalId, ctx) => ctx.options.terminals.find((t) => t.id === terminalId),
  openRequestBody,
  readPlaintext,
  responseIv,
  sealResponse,
  errorBody,
  oversizedBody: () => ({ status: 413, code: '4130', message: 'request body exceeds 1 MiB' }),
  checkAmount,
  checkChargeTerminal,
  decideCharge,
  fingerprint,
  idempotentCharge,
  checkRefund,
  withChargeLock: (chargeId, work, ctx) => ctx.store.lock.run(chargeId, work),
  findCharge: (chargeId, ctx) => ctx.store.charges.get(chargeId),
  decideCancel,
  unknownCharge,
  gatewayRoundTrip: (ctx) => new Promise((resolve) => setTimeout(resolve, ctx.options.gatewayLatencyMs)),
};
