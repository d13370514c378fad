/** Shared pieces of the target properties: generated valid charges and answer checks. */
import fc from 'fast-check';
import type { Answer } from '../src/client/pos-client';
import { sampleCharge } from '../src/client/fixtures';
import type { BodyFormatting } from '../src/client/breaks';
import type { CaseFailure } from '../src/property/types';
import type { ScenarioEnv } from '../src/scenario/run-scenario';
import { posClientOf } from '../src/profiles/viopay-pos/session';
import { posSettingsOf } from '../src/profiles/viopay-pos/settings';

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

/** PROFILE 1.2's timestamp window: 300 s either side of the target's clock. */
export const WINDOW_S = 300;
/** The clock error a case's distance from the window's edge must also absorb: the target's clock is known to its Date header's second. */
const CLOCK_ERROR_S = 1;
/** How many times a case whose answer came too late to judge is sent. */
export const TIMELY_TRIES = 3;

/**
 * Sends a timestamp case (`send` builds the request, fixing its X-Timestamp, and sends it) and
 * judges the answer with `judge`. A request the target reads t seconds after it was built carries
 * a timestamp t seconds further behind, so a case `slackSeconds` from the window's edge in that
 * direction (ahead when it must be refused, behind when it must be accepted; undefined when
 * lateness moves it away from the edge) proves nothing against the target once t reaches its slack
 * less the clock error. That happens on a loaded machine, not only on a slow network: the case is
 * sent again (a fresh timestamp and nonce), and when no answer came in time it is not held
 * against the target.
 */
export async function judgedInTime(
  send: () => Promise<Answer>,
  slackSeconds: number | undefined,
  judge: (answer: Answer) => CaseFailure | null,
  clock: () => number = () => performance.now(),
): Promise<CaseFailure | null> {
  for (let attempt = 0; attempt < TIMELY_TRIES; attempt++) {
    const sent = clock();
    const verdict = judge(await send());
    const tookSeconds = (clock() - sent) / 1000;
    if (verdict === null || slackSeconds === undefined || tookSeconds < slackSeconds - CLOCK_ERROR_S) return verdict;
  }
  return null;
}
