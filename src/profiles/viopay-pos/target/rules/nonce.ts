/**
 * PROFILE 1.2: `X-Nonce` format, and replay: a nonce seen with the same key inside the window is
 * refused. Only requests whose signature verified are recorded, so nobody can burn a nonce.
 */
import { NONCE_PATTERN, TIMESTAMP_WINDOW_SECONDS } from '../../../../profile/pos';
import { reject, type Rejection } from '../rejection';
import type { RuleContext } from './context';

export function checkNonceFormat(nonce: string): Rejection | null {
  return NONCE_PATTERN.test(nonce) ? null : reject.unauthorized('X-Nonce must be 12 or more letters and digits');
}

/**
 * A timestamp may lead the clock by the window and a replay may come a window later, so a
 * nonce must be remembered for two windows (plus a margin) to be refused for its whole life.
 */
const REMEMBER_MS = (2 * TIMESTAMP_WINDOW_SECONDS + 60) * 1000;

/** Records the nonce; refuses it when the key has seen it within REMEMBER_MS. Atomic (no await). */
export function checkNonceReplay(keyId: string, nonce: string, ctx: RuleContext): Rejection | null {
  const now = ctx.options.now();
  let seen = ctx.store.nonces.get(keyId);
  if (seen === undefined) {
    seen = new Map();
    ctx.store.nonces.set(keyId, seen);
  }
  const at = seen.get(nonce);
  if (at !== undefined && now - at <= REMEMBER_MS) return reject.unauthorized('X-Nonce was already used');
  seen.set(nonce, now);
  if (seen.size % 1024 === 0) forgetOld(seen, now);
  return null;
}

function forgetOld(seen: Map<string, number>, now: number): void {
  for (const [nonce, at] of seen) if (now - at > REMEMBER_MS) seen.delete(nonce);
}
