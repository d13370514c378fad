/**
 * Client checks on the body (PROFILE 1.3, 1.5-1.7, 1.9): an envelope for charge and refund, well
 * formed, under a fresh IV each time; no body for cancel/reverse; and the plaintext it carries
 * against the schemas (fields and types, amount and currency formats, terminal id).
 */
import type { EnvelopeFailure } from '../../../crypto/envelope-errors';
import { isIso4217 } from '../../../profile/iso4217';
import { AMOUNT_VALUE_PATTERN, AMOUNT_VALUE_STRICT_PATTERN, CURRENCY_PATTERN, HEADER } from '../../../profile/pos';
import { formatIssues, validate } from '../../../schemas/validator';
import { SEED } from './clauses';
import type { RequestFacts } from './facts';
import { broken, headerOf, held, notApplicable, type ClientCheck, type ClientRequest, type Judgement, type SessionView } from './types';

/** A charge or refund: what has a body. Under another method the request is client.pos.route.method's business alone. */
const hasBody = (facts: RequestFacts, request: ClientRequest) => request.method === 'POST' && (facts.route?.operation === 'charge' || facts.route?.operation === 'refund');
const seedOf = (facts: RequestFacts) => (facts.route?.operation === 'refund' ? SEED.refund : SEED.charge);

/** A check that one kind of envelope malformation never happens. */
function envelopeCheck(id: string, title: string, kinds: readonly EnvelopeFailure[]): ClientCheck {
  return {
    id,
    title,
    level: 'MUST',
    ref: { seed: SEED.charge, clause: '1.3/malformed-envelope' },
    judge: (request, session) => {
      const facts = session.facts(request);
      if (!hasBody(facts, request) || facts.body.kind !== 'envelope') return notApplicable;
      return 'problem' in facts.body && kinds.includes(facts.body.problem.failure) ? broken(`the request envelope is malformed: ${facts.body.problem.message}`) : held;
    },
  };
}

/** IVs anyone can guess: all zeros, and the seeds' examples. */
const CONSTANT_IVS = new Set(['00000000000000000000000000000000', '000102030405060708090A0B0C0D0E0F', '101112131415161718191A1B1C1D1E1F']);

/** Why `iv` is predictable from the previous one (hex, upper case), or null: random IVs share 16 hex digits with odds of 16^-16. */
export function ivPredictability(iv: string, previous: string): string | null {
  let shared = 0;
  while (shared < iv.length && iv[shared] === previous[shared]) shared++;
  if (shared >= 16) return `shares its first ${shared} hex digits with the IV`;
  const gap = BigInt(`0x${iv}`) - BigInt(`0x${previous}`);
  return gap > -(2n ** 32n) && gap < 2n ** 32n ? 'is a small step from the IV' : null;
}

function ivOf(request: ClientRequest, session: SessionView): string | undefined {
  const body = session.facts(request).body;
  return body.kind === 'envelope' && body.ivHex !== undefined && /^[0-9A-Fa-f]{32}$/.test(body.ivHex) ? body.ivHex.toUpperCase() : undefined;
}

/** A plaintext check on charge and refund requests that carry one. */
function plaintextCheck(id: string, title: string, level: 'MUST' | 'SHOULD', clause: string, judge: (plaintext: unknown, request: ClientRequest, facts: RequestFacts) => Judgement): ClientCheck {
  return {
    id,
    title,
    level,
    ref: { seed: SEED.charge, clause },
    judge: (request, session) => {
      const facts = session.facts(request);
      const p = facts.plaintext;
      // Any JSON: a plaintext that is not an object breaks the fields rule (the others find no amount).
      if (!hasBody(facts, request) || p === undefined) return notApplicable;
      return judge(p, request, facts);
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function amountOf(plaintext: unknown): Record<string, unknown> | undefined {
  if (!isObject(plaintext)) return undefined;
  const amount = plaintext.amount;
  return amount !== null && typeof amount === 'object' && !Array.isArray(amount) ? (amount as Record<string, unknown>) : undefined;
}

/** Schema issues other than the amount's value and currency (their own checks judge them). */
const AMOUNT_FIELDS = /^\/amount\/(value|currency)(\/|$)/;

export const BODY_CHECKS: readonly ClientCheck[] = [
  {
    id: 'client.pos.body.encrypted',
    title: 'charge and refund bodies are MSK envelopes, not plaintext JSON',
    level: 'MUST',
    ref: { seed: SEED.charge, clause: '1.3/plaintext-body' },
    judge: (request, session) => {
      const facts = session.facts(request);
      if (!hasBody(facts, request)) return notApplicable;
      if (facts.body.kind === 'clear') return broken('the body is the plaintext JSON in clear; encrypt it with the MSK and send the TR31-DATA envelope');
      if (facts.body.kind === 'empty') return broken(`a ${facts.route!.operation} has no body; send the TR31-DATA envelope of its plaintext`);
      return held;
    },
  },
  envelopeCheck('client.pos.envelope.structure', 'the envelope is a JSON object with format TR31-DATA and mode CBC', ['json', 'format', 'mode']),
  envelopeCheck('client.pos.envelope.iv-length', 'initialization_vector is 32 hex digits (16 bytes)', ['iv_length']),
  envelopeCheck('client.pos.envelope.hex', 'ciphertext and initialization_vector are hex; the ciphertext is whole AES blocks', ['hex', 'ciphertext_length']),
  envelopeCheck('client.pos.envelope.padding', 'the plaintext is PKCS#7 padded', ['padding']),
  envelopeCheck('client.pos.envelope.plaintext-json', 'the envelope opens to UTF-8 JSON', ['plaintext']),
  {
    id: 'client.pos.envelope.fresh-iv',
    title: 'every request envelope uses a fresh random IV',
    level: 'SHOULD',
    ref: { seed: SEED.charge, clause: '1.9/fresh-iv' },
    judge: (request, session) => {
      const iv = ivOf(request, session);
      if (iv === undefined) return notApplicable;
      if (CONSTANT_IVS.has(iv)) return broken(`the IV ${iv} is a constant anyone can guess (zeros or the seeds' example); draw 16 random bytes for every request`, { actual: iv });
      const before = session.earlier.find((r) => ivOf(r, session) === iv);
      if (before === undefined) {
        const previous = [...session.earlier].reverse().find((r) => ivOf(r, session) !== undefined);
        const why = previous && ivPredictability(iv, ivOf(previous, session)!);
        return why ? broken(`the IV ${iv} ${why} of request #${previous!.index}: a counter or a fixed part is predictable; draw 16 random bytes for every request`, { actual: iv }) : held;
      }
      return broken(`the IV ${iv} was already used by request #${before.index}: reusing an IV under one key in CBC shows which plaintexts start alike; draw 16 random bytes for every request`, { actual: iv });
    },
  },
  {
    id: 'client.pos.body.cancel-empty',
    title: 'cancel and reverse requests have no body',
    level: 'MUST',
    ref: { seed: SEED.cancel, clause: '1.7/cancel' },
    judge: (request, session) => {
      if (session.facts(request).route?.operation !== 'cancel') return notApplicable;
      return request.body.length === 0 ? held : broken(`a cancel/reverse carries ${request.body.length} body bytes; it has no body (the signature covers the empty body)`);
    },
  },
  plaintextCheck('client.pos.plaintext.fields', 'the plaintext has the required fields with their types', 'MUST', '1.5/required-fields', (p, _request, facts) => {
    const result = validate(facts.route!.operation === 'refund' ? 'refund-request' : 'charge-request', p);
    const issues = result.ok ? [] : result.errors.filter((i) => !AMOUNT_FIELDS.test(i.path));
    return issues.length === 0 ? held : broken(`the ${facts.route!.operation} plaintext does not match the seed's table (${seedOf(facts)}): ${formatIssues(issues)}`);
  }),
  plaintextCheck('client.pos.plaintext.amount-format', 'amount.value is a string of digits (minor units)', 'MUST', '1.5/amount-format', (p) => {
    const value = amountOf(p)?.value;
    if (value === undefined) return notApplicable;
    if (typeof value !== 'string') return broken(`amount.value is a ${typeof value} (${JSON.stringify(value)}); send minor units as a string of digits, e.g. "1500"`, { expected: 'a string of digits', actual: value });
    return AMOUNT_VALUE_PATTERN.test(value) ? held : broken(`amount.value "${value}" is not digits only (no sign, decimal point or exponent: minor units)`, { actual: value });
  }),
  plaintextCheck('client.pos.plaintext.amount-range', 'amount.value is greater than zero, at most 12 digits, without leading zeros', 'SHOULD', '1.5/amount-range', (p) => {
    const value = amountOf(p)?.value;
    if (typeof value !== 'string' || !AMOUNT_VALUE_PATTERN.test(value)) return notApplicable;
    return AMOUNT_VALUE_STRICT_PATTERN.test(value) ? held : broken(`amount.value "${value}" is zero, has a leading zero or more than 12 digits`, { actual: value });
  }),
  plaintextCheck('client.pos.plaintext.currency-format', 'amount.currency is three upper-case letters', 'MUST', '1.5/currency-format', (p) => {
    const currency = amountOf(p)?.currency;
    if (currency === undefined) return notApplicable;
    return typeof currency === 'string' && CURRENCY_PATTERN.test(currency) ? held : broken(`amount.currency ${JSON.stringify(currency)} is not three upper-case letters`, { expected: '^[A-Z]{3}$', actual: currency });
  }),
  plaintextCheck('client.pos.plaintext.currency-iso', 'amount.currency is an ISO 4217 code', 'SHOULD', '1.5/currency-iso', (p) => {
    const currency = amountOf(p)?.currency;
    if (typeof currency !== 'string' || !CURRENCY_PATTERN.test(currency)) return notApplicable;
    return isIso4217(currency) ? held : broken(`amount.currency ${currency} is not an ISO 4217 code`, { actual: currency });
  }),
  plaintextCheck('client.pos.plaintext.terminal-match', 'a charge names the terminal of X-Terminal-Id in terminal.id', 'SHOULD', '1.5/terminal-match', (p, request, facts) => {
    if (facts.route!.operation !== 'charge') return notApplicable;
    const terminal = isObject(p) ? p.terminal : undefined;
    if (!isObject(terminal) || terminal.id === undefined) return notApplicable;
    const sent = headerOf(request, HEADER.terminalId);
    return terminal.id === sent ? held : broken(`terminal.id ${JSON.stringify(terminal.id)} differs from X-Terminal-Id ${sent ?? '(missing)'}`, { expected: sent, actual: terminal.id });
  }),
];
