/**
 * The request pipeline, in the order PROFILE 1.2 implies: route, device headers, signature
 * headers (key, timestamp, nonce format, signature, then replay), and only then the body.
 * Every rule is looked up in `options.rules`, so a faulty variant changes behaviour here
 * without a line of this file changing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { splitTarget } from '../../../crypto/canonical';
import { HEADER } from '../../../profile/pos';
import { dropUnlessDrained, readBodyOrDrop, sendJson, traceId } from '../../../target-kit/http';
import { cancelCharge } from './operations/cancel';
import { createCharge } from './operations/charge';
import { createRefund } from './operations/refund';
import type { OperationInput, OperationResult } from './operations/types';
import { STATE_HOOK_PATH } from '../../../target-kit/state-request';
import { reject, RejectionError, type Rejection } from './rejection';
import { header, type PosRequest } from './request';
import type { Operation, Route, RuleContext } from './rules';
import { applyState } from './state-hook';

const OPERATIONS: Record<Operation, (input: OperationInput) => Promise<OperationResult>> = {
  charge: createCharge,
  refund: createRefund,
  cancel: cancelCharge,
};

/** Signature-header checks; the first failure wins. Returns the key id on success. */
function authenticate(req: PosRequest, ctx: RuleContext): Rejection | { keyId: string } {
  const { rules } = ctx.options;
  const keyId = header(req, HEADER.keyId);
  const timestamp = header(req, HEADER.timestamp);
  const nonce = header(req, HEADER.nonce);
  if (!keyId) return reject.unauthorized('X-Key-Id is missing');
  if (!timestamp) return reject.unauthorized('X-Timestamp is missing');
  if (!nonce) return reject.unauthorized('X-Nonce is missing');
  const secret = rules.secretFor(keyId, ctx);
  if (secret === undefined) return reject.unauthorized('X-Key-Id is unknown');
  const refusal =
    rules.checkTimestamp(timestamp, ctx.options.now()) ??
    rules.checkNonceFormat(nonce) ??
    rules.checkSignature(header(req, HEADER.signature), rules.canonicalPartsOf(req, ctx), secret) ??
    rules.checkNonceReplay(keyId, nonce, ctx, req);
  return refusal ?? { keyId };
}

/** A 200 answer before it is written. */
interface Answered {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

async function answer(req: PosRequest, ctx: RuleContext): Promise<Answered | Rejection> {
  const { rules } = ctx.options;
  if (ctx.options.stateHook && req.path === STATE_HOOK_PATH && req.method === 'POST') {
    const state = applyState(req.body, ctx);
    return state.ok ? { status: 200, body: state.values } : state.rejection;
  }
  const route = rules.matchRoute(req.path);
  if (route === null) return reject.notFound(`no route ${req.path}`);
  if (req.method !== 'POST') return { status: 405, code: '4050', message: `${req.method} is not allowed; use POST` };
  const device = rules.checkDeviceHeaders(req, ctx);
  if (device) return device;
  const auth = authenticate(req, ctx);
  if ('status' in auth) return auth;
  const outcome = await operate(req, route, ctx);
  rules.nonceAfterAnswer(auth.keyId, header(req, HEADER.nonce) ?? '', outcome.status, ctx);
  return outcome;
}

/** The operation of an authenticated request, for its terminal: a sealed 200 or a rejection. */
async function operate(req: PosRequest, route: Route, ctx: RuleContext): Promise<Answered | Rejection> {
  const { rules } = ctx.options;
  const terminal = rules.findTerminal(header(req, HEADER.terminalId), ctx);
  if (terminal === undefined) return reject.unauthorized('X-Terminal-Id is not a known terminal');
  try {
    const input: OperationInput = { req, ctx, terminal };
    if (route.chargeId !== undefined) input.chargeId = route.chargeId;
    const result = await OPERATIONS[route.operation](input);
    const body = rules.sealResponse(result.plaintext, terminal.msk, ctx);
    return result.headers ? { status: 200, body, headers: result.headers } : { status: 200, body };
  } catch (error) {
    if (error instanceof RejectionError) return error.rejection;
    throw error;
  }
}

/** Handles one HTTP exchange. Never throws: an unexpected error is reported and answered 500. */
export async function handle(incoming: IncomingMessage, res: ServerResponse, ctx: RuleContext): Promise<void> {
  const { options } = ctx;
  const idempotencyKey = incoming.headers[HEADER.idempotencyKey.toLowerCase()];
  const echo: Record<string, string> = typeof idempotencyKey === 'string' ? { [HEADER.idempotencyKey]: idempotencyKey } : {};
  const refuse = (rejection: Rejection, extra: Record<string, string> = {}) =>
    sendJson(res, rejection.status, options.rules.errorBody(rejection, traceId(), ctx), options.liberties, options.now(), {
      ...echo,
      ...extra,
    });
  const read = await readBodyOrDrop(incoming);
  if (!read) return;
  try {
    if (!read.ok) {
      refuse(options.rules.oversizedBody(), { Connection: 'close' });
      dropUnlessDrained(read, incoming, res);
      return;
    }
    const target = incoming.url ?? '/';
    const req: PosRequest = { method: incoming.method ?? '', target, ...splitTarget(target), headers: incoming.headers, body: read.body };
    const result = await answer(req, ctx);
    if (options.liberties.answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.liberties.answerDelayMs));
    if ('code' in result) {
      refuse(result, result.status === 405 ? { Allow: 'POST' } : {});
      return;
    }
    sendJson(res, result.status, result.body, options.liberties, options.now(), { ...echo, ...result.headers });
  } catch (error) {
    options.onInternalError(error);
    if (!res.headersSent) refuse({ status: 500, code: '5000', message: 'internal error' });
    else res.destroy();
  }
}
