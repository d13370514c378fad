/**
 * Client checks on `X-Nonce` (PROFILE 1.2 and 1.9): its format, that it is never sent twice, and
 * that it cannot be predicted from the one before (no counter, no clock, no constant prefix).
 */
import { HEADER, NONCE_PATTERN, TIMESTAMP_WINDOW_SECONDS } from '../../../profile/pos';
import { SEED } from './clauses';
import { broken, headerOf, held, notApplicable, type ClientCheck, type ClientRequest } from './types';

/** How long a target remembers a nonce (two windows and a margin, as the reference target does). */
export const REPLAY_MEMORY_MS = (2 * TIMESTAMP_WINDOW_SECONDS + 60) * 1000;

const nonceOf = (request: ClientRequest) => headerOf(request, HEADER.nonce);

/** The latest earlier request that sent this nonce. */
function lastWith(nonce: string, earlier: readonly ClientRequest[]): ClientRequest | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) if (nonceOf(earlier[i]!) === nonce) return earlier[i];
  return undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Why `nonce` is predictable from `previous`, or null. Random letters and digits share a prefix
 * of 6 with odds of 62^-6 and differ by under 10^7 as 12-digit numbers with odds of 2*10^-5, so a
 * random generator is practically never flagged; a counter, a clock or a fixed stem always is.
 */
export function predictability(nonce: string, previous: string | undefined): string | null {
  if (new Set(nonce).size <= 2) return 'repeats one or two characters: it has no randomness';
  // No previous nonce, or a repeat (client.pos.nonce.unique's business): nothing to compare.
  if (previous === undefined || nonce === previous) return null;
  const shared = commonPrefix(nonce, previous);
  if (shared >= Math.max(6, Math.ceil(Math.min(nonce.length, previous.length) / 2))) {
    return `shares its first ${shared} characters with the previous nonce (${previous}): a counter, a clock or a fixed stem`;
  }
  if (/^\d+$/.test(nonce) && /^\d+$/.test(previous)) {
    const gap = BigInt(nonce) - BigInt(previous);
    if (gap > -10_000_000n && gap < 10_000_000n) return `is the previous nonce (${previous}) ${gap > 0n ? 'plus' : 'minus'} ${gap < 0n ? -gap : gap}: a counter or a clock`;
  }
  return null;
}

export const NONCE_CHECKS: readonly ClientCheck[] = [
  {
    id: 'client.pos.nonce.format',
    title: 'X-Nonce is 12 or more ASCII letters and digits',
    level: 'MUST',
    ref: { seed: SEED.charge, clause: '1.2/nonce-format' },
    judge: (request) => {
      const nonce = nonceOf(request);
      if (nonce === undefined || nonce === '') return notApplicable;
      return NONCE_PATTERN.test(nonce) ? held : broken(`X-Nonce "${nonce}" does not match ^[A-Za-z0-9]{12,}$`, { expected: '^[A-Za-z0-9]{12,}$', actual: nonce });
    },
  },
  {
    id: 'client.pos.nonce.unique',
    title: 'X-Nonce is never sent twice within the replay window',
    level: 'MUST',
    ref: { seed: SEED.charge, clause: '1.2/nonce-replay' },
    judge: (request, session) => {
      const nonce = nonceOf(request);
      if (nonce === undefined || nonce === '') return notApplicable;
      const before = lastWith(nonce, session.earlier);
      if (before === undefined || request.receivedAt - before.receivedAt > REPLAY_MEMORY_MS) return held;
      return broken(`X-Nonce ${nonce} was already sent by request #${before.index}; a target refuses it as a replay (401). Draw a fresh random nonce for every request`, { actual: nonce });
    },
  },
  {
    id: 'client.pos.nonce.across-restarts',
    title: 'X-Nonce is never sent again, even after the replay window (unique across restarts)',
    level: 'SHOULD',
    ref: { seed: SEED.charge, clause: '1.9/nonce-across-restarts' },
    judge: (request, session) => {
      const nonce = nonceOf(request);
      if (nonce === undefined || nonce === '') return notApplicable;
      const before = lastWith(nonce, session.earlier);
      if (before === undefined || request.receivedAt - before.receivedAt <= REPLAY_MEMORY_MS) return held;
      return broken(`X-Nonce ${nonce} repeats request #${before.index}, ${Math.round((request.receivedAt - before.receivedAt) / 1000)} s earlier: a generator seeded the same way after a restart`, { actual: nonce });
    },
  },
  {
    id: 'client.pos.nonce.unpredictable',
    title: 'X-Nonce is random, not a counter or a clock',
    level: 'SHOULD',
    ref: { seed: SEED.charge, clause: '1.9/nonce-unpredictable' },
    judge: (request, session) => {
      const nonce = nonceOf(request);
      if (nonce === undefined || !NONCE_PATTERN.test(nonce)) return notApplicable;
      const previous = [...session.earlier].reverse().map(nonceOf).find((n): n is string => n !== undefined && NONCE_PATTERN.test(n) && n !== nonce);
      const why = predictability(nonce, previous);
      return why === null ? held : broken(`X-Nonce ${nonce} ${why}; use a cryptographic random generator`, { actual: nonce });
    },
  },
];
