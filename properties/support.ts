/** Shared pieces of the target properties: generated valid charges and answer checks. */
import fc from 'fast-check';
import type { Answer } from '../src/client/pos-client';
import { sampleCharge } from '../src/client/fixtures';
import type { BodyFormatting } from '../src/client/breaks';
import type { CaseFailure } from '../src/property/types';
import type { ScenarioEnv } from '../src/scenario/run-scenario';
import { posClientOf } from '../src/profiles/viopay-pos/session';
import { posSettingsOf } from '../src/profiles/viopay-pos/settings';
import { cameTooLate } from '../src/profiles/viopay-pos/late-answer';

/**
 * An arbitrary built on first use. Some fast-check arbitraries (stringMatching, binary strings) cost
 * hundreds of milliseconds to build; property files are imported just to list checks, so they wait.
 */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export interface ChargeCase {
  value: string;
  currency: string;
  entryMode: 'chip' | 'swipe' | 'contactless' | 'manual';
  attended: boolean;
  withOptional: boolean;
  formatting: BodyFormatting;
  hexCase: 'upper' | 'lower';
}

/** Amounts PROFILE says a target should take: 1 to 12 digits, no leading zero. */
export const amountValue = lazy(() =>
  fc.oneof(
  fc.integer({ min: 1, max: 999_999 }).map(String),
  fc.bigInt({ min: 1n, max: 999_999_999_999n }).map(String),
  ),
);

export const chargeCase = lazy((): fc.Arbitrary<ChargeCase> => fc.record({
  value: amountValue(),
  currency: fc.constantFrom('EUR', 'USD', 'GBP', 'TRY', 'JPY', 'CHF'),
  entryMode: fc.constantFrom('chip' as const, 'swipe' as const, 'contactless' as const, 'manual' as const),
  attended: fc.boolean(),
  withOptional: fc.boolean(),
  formatting: fc.record({ spacing: fc.constantFrom('compact' as const, 'pretty' as const, 'spaced' as const), keyOrder: fc.constantFrom('as-is' as const, 'reversed' as const, 'sorted' as const) }),
  hexCase: fc.constantFrom('upper' as const, 'lower' as const),
}));

/** The plaintext of a generated charge, with the target's approved card and terminal id. */
export function chargeBody(c: ChargeCase, env: ScenarioEnv): Record<string, unknown> {
  const body = sampleCharge({ pan: env.target.cards.approved, terminalId: posSettingsOf(env.target).terminalId, value: c.value, currency: c.currency }, posClientOf(env).now());
  (body.terminal as Record<string, unknown>).terminal_entry_mode = c.entryMode;
  (body.terminal as Record<string, unknown>).attended = c.attended;
  if (!c.withOptional) for (const key of ['cardholder_verification_method', 'pin_block', 'stan', 'authorization_type']) delete body[key];
  return body;
}

/** A CaseFailure when the answer is not `status` (or, for 200, has decode problems); null when it is. */
export function unlessStatus(answer: Answer, status: number, code?: string): CaseFailure | null {
  const problems = answer.status === 200 ? answer.problems : [];
  if (answer.status === status && problems.length === 0 && (code === undefined || answer.error?.code === code)) return null;
  const detail = answer.error ? ` (error ${answer.error.code}: ${answer.error.message})` : problems.length ? `: ${problems.map((p) => p.message).join('; ')}` : '';
  return { message: `answered ${answer.status}${detail}, expected ${status}${code ? ` ${code}` : ''}`, expected: status, actual: answer.status, exchange: answer.exchange };
}

/** How many times a timestamp case whose answer came too late to judge is sent. */
export const TIMELY_TRIES = 3;

/**
 * Sends a timestamp case `skewSeconds` from the target's clock (`send` builds the request, fixing
 * its X-Timestamp, and sends it) and judges the answer with `judge`. A wrong answer that came too
 * late to prove anything (src/profiles/viopay-pos/late-answer.ts: on a loaded machine as on a slow
 * network) sends the case again, with a fresh timestamp and nonce; when no answer came in time, the
 * case is not held against the target.
 */
export async function judgedInTime(
  send: () => Promise<Answer>,
  skewSeconds: number,
  judge: (answer: Answer) => CaseFailure | null,
  clock: () => number = () => performance.now(),
): Promise<CaseFailure | null> {
  for (let attempt = 0; attempt < TIMELY_TRIES; attempt++) {
    const sent = clock();
    const verdict = judge(await send());
    if (verdict === null || !cameTooLate(skewSeconds, clock() - sent)) return verdict;
  }
  return null;
}
