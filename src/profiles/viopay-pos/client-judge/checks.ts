/** Every client check, in the order reports list them (PROFILE order). */
import { BODY_CHECKS } from './checks-body';
import { NONCE_CHECKS } from './checks-nonce';
import { REQUEST_CHECKS } from './checks-request';
import { RETRY_CHECKS } from './checks-retry';
import type { ClientCheck } from './types';

export const CLIENT_CHECKS: readonly ClientCheck[] = [...REQUEST_CHECKS, ...NONCE_CHECKS, ...BODY_CHECKS, ...RETRY_CHECKS];

/** A client check by id. */
export function clientCheck(id: string): ClientCheck | undefined {
  return CLIENT_CHECKS.find((c) => c.id === id);
}
