/** The signed client for a resolved target, signed in as its terminal. */
import { PosClient, type ClientOptions } from '../client/pos-client';
import type { ResolvedTarget } from '../config/resolved';
import { DEFAULT_USER_AGENT } from '../profile/pos';

export function clientFor(target: ResolvedTarget, options: ClientOptions = {}): PosClient {
  const { baseUrl, terminalId, keyId, hmacSecret, msk, kcvMethod } = target;
  return new PosClient({ baseUrl, terminalId, keyId, hmacSecret, msk, kcvMethod, userAgent: DEFAULT_USER_AGENT }, options);
}
