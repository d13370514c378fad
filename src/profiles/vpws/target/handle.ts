/**
 * The request pipeline of the VPWS target, in the order PROFILE section 2 implies: route, method,
 * token, body, then (under the referenceCode's lock) owner, cancellability, bank round trip and
 * commit. Every rule is looked up in `options.rules`, so a faulty variant changes behaviour here
 * without a line of this file changing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dropUnlessDrained, readBodyOrDrop } from '../../../target-kit/http';
import { VPWS_CANCEL_PATH, VPWS_STATE_HOOK_PATH } from './options';
import { plainRefusal } from './refusals';
import { answerBody as referenceAnswerBody, outcomeStatus, type VpwsContext } from './rules';
import { applyVpwsState } from './state-hook';
import { isRefusal, type VpwsHttpRequest, type VpwsOutcome, type VpwsRefusal, type VpwsTransaction } from './types';
import { sendVpwsJson } from './wire';

const refused = (refusal: VpwsRefusal, tx?: VpwsTransaction): VpwsOutcome =>
  tx === undefined ? { kind: 'refused', refusal } : { kind: 'refused', refusal, tx };

async function cancel(method: string, path: string, http: VpwsHttpRequest, ctx: VpwsContext): Promise<VpwsOutcome> {
  const { rules, liberties } = ctx.options;
  if (path !== VPWS_CANCEL_PATH) return refused(plainRefusal(404, 'noRoute', liberties));
  if (method !== 'POST') return refused({ ...plainRefusal(405, 'method', liberties), headers: { Allow: 'POST' } });
  const dealer = rules.authenticate(http, ctx);
  if (typeof dealer !== 'string') return refused(dealer);
  const request = rules.readRequest(http.body, ctx);
  if (isRefusal(request)) return refused(request);
  // Lookup, decision and commit in one critical section: two concurrent cancels of one
  // transaction see each other's commit instead of both cancelling it.
  return rules.withLock(
    request.referenceCode,
    async () => {
      const tx = rules.findTransaction(request.referenceCode, ctx);
      // 403 carries no data: nothing of another dealer's transaction is echoed.
      const notOwner = tx === undefined ? null : rules.checkOwner(tx, dealer, ctx);
      if (notOwner) return refused(notOwner);
      const decision = rules.decideCancel(tx, ctx);
      if (isRefusal(decision)) return refused(decision, tx);
      if (tx === undefined) throw new Error('decideCancel allowed a cancel of no transaction');
      if (decision === 'cancel') {
        await rules.gatewayRoundTrip(ctx);
        tx.cancelled = true;
        tx.cancellations += 1;
      }
      return { kind: 'cancelled', tx };
    },
    ctx,
  );
}

/** Handles one HTTP exchange. Never throws: an unexpected error is reported and answered 500. */
export async function handleVpws(incoming: IncomingMessage, res: ServerResponse, ctx: VpwsContext): Promise<void> {
  const { options } = ctx;
  const send = (outcome: VpwsOutcome, headers: Record<string, string> = {}) =>
    sendVpwsJson(res, outcomeStatus(outcome), options.rules.answerBody(outcome, ctx), options.liberties, {
      ...(outcome.kind === 'refused' ? outcome.refusal.headers : {}),
      ...headers,
    });
  const read = await readBodyOrDrop(incoming);
  if (!read) return;
  try {
    if (!read.ok) {
      send(refused(plainRefusal(413, 'tooLarge', options.liberties)), { Connection: 'close' });
      dropUnlessDrained(read, incoming, res);
      return;
    }
    const method = incoming.method ?? '';
    const [path = '/', query = ''] = (incoming.url ?? '/').split(/\?(.*)/s);
    if (options.stateHook && path === VPWS_STATE_HOOK_PATH) {
      if (method !== 'POST') return sendVpwsJson(res, 405, { error: 'use POST' }, options.liberties, { Allow: 'POST' });
      const state = applyVpwsState(read.body, ctx.store, options.tokens);
      return sendVpwsJson(res, state.status, state.body, options.liberties);
    }
    const http: VpwsHttpRequest = { authorization: incoming.headers.authorization, headers: incoming.headers, query: new URLSearchParams(query), body: read.body };
    send(await cancel(method, path, http, ctx));
  } catch (error) {
    options.onInternalError(error);
    if (res.headersSent) return void res.destroy();
    // The reference body, not the rule's: a faulty answerBody may be what threw.
    const outcome = refused(plainRefusal(500, 'internal', options.liberties));
    sendVpwsJson(res, 500, referenceAnswerBody(outcome, ctx), options.liberties);
  }
}
