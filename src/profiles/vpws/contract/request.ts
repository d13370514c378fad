/**
 * How a VPWS contract's request reaches a real target: the body as Pact built it (with the provider
 * state's referenceCode), the dealer's token from the target config. Answers are plain JSON, so
 * Pact's own matchers see all of them; the provider state makes the transaction through the state hook.
 */
import { randomBytes } from 'node:crypto';
import type { ResolvedTarget } from '../../../config/resolved';
import type { PaycertComment } from '../../../pact/contract-file';
import { setUpState } from '../../../pact/states';
import type { ContractBudget, ContractRequest, ProviderState } from '../../contract-side';
import type { VpwsSettings } from '../settings';
import { INVALID_TOKEN } from './interaction';

/** What the VPWS consumer writes in each interaction's comment (./consumer.ts). */
export interface VpwsComment extends PaycertComment {
  /** Whose token the request carries. */
  token?: 'dealer_a' | 'dealer_b' | 'none' | 'invalid';
}

/** Puts the dealer's token in (or leaves none, or an invalid one) and the body as bytes. */
export function prepareTokenRequest(req: ContractRequest, comment: VpwsComment, settings: VpwsSettings): void {
  const body = Buffer.from(JSON.stringify(req.body ?? {}));
  const token = comment.token === 'dealer_a' || comment.token === 'dealer_b' ? settings.tokens[comment.token] : comment.token === 'invalid' ? INVALID_TOKEN : undefined;
  if (token) req.headers.authorization = `Bearer ${token}`;
  else delete req.headers.authorization;
  req.headers['content-length'] = String(body.length);
  req.body = body;
}

/**
 * The provider state: the state hook makes the transaction (PROFILE section 4), under a fresh
 * referenceCode per run, with PROFILE's params only (`caller` stays here: a hook may refuse a param
 * PROFILE does not name). Answers the values the contract injects: the referenceCode, and the token
 * of `caller` from the target config (the request filter puts the same token in).
 */
export function vpwsStates(target: ResolvedTarget, budget: ContractBudget, settings: VpwsSettings): Record<string, ProviderState> {
  return {
    'vpws transaction exists': async ({ caller, ...params }) => {
      if (!target.stateUrl) throw new Error('provider state "vpws transaction exists" needs the target\'s state hook (state_url)');
      const referenceCode = `ref-pact-${randomBytes(6).toString('hex')}`;
      await setUpState(target, budget, 'vpws transaction exists', 'vpws transaction exists', { ...params, referenceCode });
      return { referenceCode, ...((caller === 'dealer_a' || caller === 'dealer_b') && { token: settings.tokens[caller] }) };
    },
  };
}
