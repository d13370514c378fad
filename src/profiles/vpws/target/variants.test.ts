/**
 * The VPWS variant catalogue: every fault switches one rule and behaves differently from the
 * reference where its clause says; a small section 2 reading finds a problem in every fault and
 * none in the reference or any legal variation.
 */
import { VPWS_REFERENCE_TOKENS } from './options';
import type { RunningVpwsTarget } from './server';
import { vpwsShapeProblems } from './shape';
import { bearer, call, cancelAs, givenTransaction, TargetPool, type HttpAnswer, type LooseBody } from './testing';
import { VPWS_FAULTS, VPWS_FAULTS_BY_NAME, VPWS_VARIATIONS, VPWS_VARIATIONS_BY_NAME, type VpwsClause } from './variants';

const pool = new TargetPool();
let reference: RunningVpwsTarget;

beforeAll(async () => {
  reference = await pool.start();
});

afterAll(() => pool.closeAll());

const CLAUSES: VpwsClause[] = ['2/cancel-success', '2/response-shape', '2/free-fields', '2/auth', '2/token-exact', '2/other-dealer', '2/not-cancellable', '2/reference-required', '2/repeat-cancel', '2/no-5xx'];
/** 2/free-fields only allows (MAY): nothing to break, its variations show the harness takes every value. */
const FAULT_CLAUSES = CLAUSES.filter((c) => c !== '2/free-fields');

const TOKEN = VPWS_REFERENCE_TOKENS.dealer_a;

const data = (answer: HttpAnswer): Record<string, unknown> => ((answer.body as LooseBody | undefined)?.data ?? {}) as Record<string, unknown>;

/** The status of a cancel of a fresh transaction of dealer_a sent with this Authorization header and options. */
const statusWith = async (t: RunningVpwsTarget, authorization: string | null, more: { query?: string; headers?: Record<string, string>; body?: Record<string, unknown> } = {}) => {
  const referenceCode = await givenTransaction(t);
  return (await call(t, { authorization, body: { referenceCode, ...more.body }, ...(more.query !== undefined && { query: more.query }), ...(more.headers && { headers: more.headers }) })).status;
};

/** The status of dealer_b's cancel of a transaction of dealer_a in this state. */
const otherDealerStatus = async (t: RunningVpwsTarget, params: { transactionStatusId?: number; provisionExpired?: boolean }, cancelledFirst = false) => {
  const referenceCode = await givenTransaction(t, { dealer: 'dealer_a', ...params });
  if (cancelledFirst) await cancelAs(t, referenceCode, 'dealer_a');
  return (await cancelAs(t, referenceCode, 'dealer_b')).status;
};

/** What one fault gets wrong, observed over HTTP; the reference and the fault must differ. */
const PROBES: Record<string, (target: RunningVpwsTarget) => Promise<unknown>> = {
  'vpws-token-not-required': (t) => statusWith(t, null),
  'vpws-any-token-accepted': (t) => statusWith(t, 'Bearer guessed'),
  'vpws-token-appended-accepted': (t) => statusWith(t, `Bearer ${TOKEN}x`),
  'vpws-token-truncated-accepted': (t) => statusWith(t, `Bearer ${TOKEN.slice(0, -1)}`),
  'vpws-token-case-insensitive': (t) => statusWith(t, `Bearer ${TOKEN.toUpperCase()}`),
  'vpws-token-from-query': (t) => statusWith(t, null, { query: `access_token=${TOKEN}` }),
  'vpws-token-from-body': (t) => statusWith(t, null, { body: { access_token: TOKEN } }),
  'vpws-token-from-other-header': (t) => statusWith(t, null, { headers: { 'X-Access-Token': TOKEN } }),
  'vpws-empty-bearer-accepted': (t) => statusWith(t, 'Bearer'),
  'vpws-scheme-case-sensitive': (t) => statusWith(t, `bearer ${TOKEN}`),
  'vpws-token-without-scheme': (t) => statusWith(t, TOKEN),
  'vpws-token-second-word': (t) => statusWith(t, `Basic ${TOKEN}`),
  'vpws-other-dealer-cancel': (t) => otherDealerStatus(t, {}),
  'vpws-owner-checked-for-successful-only': (t) => otherDealerStatus(t, { transactionStatusId: 2 }),
  'vpws-owner-checked-before-expiry-only': (t) => otherDealerStatus(t, { provisionExpired: true }),
  'vpws-owner-checked-before-cancel-only': (t) => otherDealerStatus(t, {}, true),
  'vpws-failed-tx-cancelled': async (t) => data(await cancelAs(t, await givenTransaction(t, { transactionStatusId: 2 }))).isSuccess,
  'vpws-expired-provision-cancelled': async (t) => data(await cancelAs(t, await givenTransaction(t, { provisionExpired: true }))).isSuccess,
  'vpws-lookup-by-prefix': async (t) => {
    const referenceCode = await givenTransaction(t);
    return data(await cancelAs(t, referenceCode.slice(0, -2))).isSuccess;
  },
  'vpws-missing-reference-500': async (t) => (await call(t, { body: { reason: 'no reference' } })).status,
  'vpws-array-body-first-element': async (t) => (await call(t, { body: [{ referenceCode: await givenTransaction(t) }] })).status,
  'vpws-null-body-500': async (t) => (await call(t, { body: 'null' })).status,
  'vpws-primitive-body-500': async (t) => (await call(t, { body: '"NTH2P00000003000"' })).status,
  'vpws-reference-type-500': async (t) => (await call(t, { body: { referenceCode: 12345 } })).status,
  'vpws-large-body-500': async (t) => (await call(t, { body: { reason: 'x'.repeat(200 * 1024) } })).status,
  'vpws-bad-json-500': async (t) => (await call(t, { body: '{"referenceCode":' })).status,
  'vpws-success-renamed': async (t) => vpwsShapeProblems((await cancelAs(t, await givenTransaction(t))).body).length > 0,
  'vpws-data-fields-missing': async (t) => vpwsShapeProblems((await cancelAs(t, await givenTransaction(t))).body).length > 0,
  'vpws-status-code-string': async (t) => vpwsShapeProblems((await cancelAs(t, await givenTransaction(t))).body).length > 0,
  'vpws-last-amount-not-zero': async (t) => data(await cancelAs(t, await givenTransaction(t, { amount: 75 }))).lastAmount,
  'vpws-repeat-cancel-500': async (t) => {
    const referenceCode = await givenTransaction(t);
    await cancelAs(t, referenceCode);
    return (await cancelAs(t, referenceCode)).status;
  },
};

/** What the fault answers instead of the reference's. */
const FAULT_OBSERVED: Record<string, unknown> = {
  'vpws-token-not-required': 200,
  'vpws-any-token-accepted': 200,
  'vpws-token-appended-accepted': 200,
  'vpws-token-truncated-accepted': 200,
  'vpws-token-case-insensitive': 200,
  'vpws-token-from-query': 200,
  'vpws-token-from-body': 200,
  'vpws-token-from-other-header': 200,
  'vpws-empty-bearer-accepted': 200,
  'vpws-scheme-case-sensitive': 401,
  'vpws-token-without-scheme': 200,
  'vpws-token-second-word': 200,
  'vpws-other-dealer-cancel': 200,
  'vpws-owner-checked-for-successful-only': 200,
  'vpws-owner-checked-before-expiry-only': 200,
  'vpws-owner-checked-before-cancel-only': 200,
  'vpws-failed-tx-cancelled': true,
  'vpws-expired-provision-cancelled': true,
  'vpws-lookup-by-prefix': true,
  'vpws-missing-reference-500': 500,
  'vpws-array-body-first-element': 200,
  'vpws-null-body-500': 500,
  'vpws-primitive-body-500': 500,
  'vpws-reference-type-500': 500,
  'vpws-large-body-500': 500,
  'vpws-bad-json-500': 500,
  'vpws-success-renamed': true,
  'vpws-data-fields-missing': true,
  'vpws-status-code-string': true,
  'vpws-last-amount-not-zero': 75,
  'vpws-repeat-cancel-500': 500,
};

/**
 * A small reading of section 2's MUSTs (not the harness's checks): the problems it finds. Any
 * answer PROFILE allows is accepted, so the legal variations must come out clean.
 */
async function section2Problems(t: RunningVpwsTarget): Promise<string[]> {
  const problems: string[] = [];
  const seen = (label: string, answer: HttpAnswer) => {
    if (answer.status >= 500) problems.push(`${label}: ${answer.status}`);
    for (const p of vpwsShapeProblems(answer.body)) problems.push(`${label}: ${p}`);
    return answer;
  };
  const isRefusal = (answer: HttpAnswer) => (answer.status >= 400 && answer.status < 500) || (answer.status === 200 && data(answer).isSuccess === false);
  const refused = (label: string, answer: HttpAnswer) => {
    const d = data(seen(label, answer));
    const okStatus = answer.status === 200 || (answer.status >= 400 && answer.status < 500);
    if (!okStatus || d.isSuccess !== false || (d.errorCode == null && d.errorMessage == null)) problems.push(`${label}: not refused (${answer.status} ${answer.text})`);
  };
  const succeeded = (label: string, answer: HttpAnswer) => {
    const d = data(seen(label, answer));
    if (answer.status !== 200 || (answer.body as LooseBody | undefined)?.statusCode !== 200 || d.isSuccess !== true || d.lastAmount !== 0) problems.push(`${label}: ${answer.status} ${answer.text}`);
  };
  succeeded('success', await cancelAs(t, await givenTransaction(t)));
  const tx = await givenTransaction(t);
  // 2/auth, 2/token-exact: each near miss for a transaction the dealer could cancel, which stays cancellable.
  const nearMisses: Array<[string, string | null, { query?: string; headers?: Record<string, string>; body?: Record<string, unknown> }]> = [
    ['no token', null, {}],
    ['wrong token', 'Bearer wrong', {}],
    ['token appended', `Bearer ${TOKEN}x`, {}],
    ['token cut', `Bearer ${TOKEN.slice(0, -1)}`, {}],
    ['token upper case', `Bearer ${TOKEN.toUpperCase()}`, {}],
    ['empty Bearer', 'Bearer', {}],
    ['Basic', `Basic ${TOKEN}`, {}],
    ['no scheme', TOKEN, {}],
    ['token in the query', null, { query: `access_token=${TOKEN}` }],
    ['token in the body', null, { body: { access_token: TOKEN } }],
    ['token in X-Access-Token', null, { headers: { 'X-Access-Token': TOKEN } }],
  ];
  for (const [label, authorization, more] of nearMisses) {
    const answer = await call(t, { authorization, body: { referenceCode: tx, ...more.body }, ...(more.query !== undefined && { query: more.query }), ...(more.headers && { headers: more.headers }) });
    if (seen(label, answer).status !== 401) problems.push(`${label}: ${answer.status}, not 401`);
  }
  // 2/other-dealer whatever the state.
  if (seen('other dealer', await cancelAs(t, tx, 'dealer_b')).status !== 403) problems.push('other dealer: not 403');
  for (const [label, params] of [['other dealer, status 2', { transactionStatusId: 2 }], ['other dealer, expired', { provisionExpired: true }]] as const) {
    if (seen(label, await cancelAs(t, await givenTransaction(t, params), 'dealer_b')).status !== 403) problems.push(`${label}: not 403`);
  }
  refused('status 2', await cancelAs(t, await givenTransaction(t, { transactionStatusId: 2 })));
  refused('expired', await cancelAs(t, await givenTransaction(t, { provisionExpired: true })));
  // 2/reference-required, 2/no-5xx: bodies without a string referenceCode are refused.
  for (const [label, body] of [
    ['missing reference', {}],
    ['empty reference', { referenceCode: '' }],
    ['null body', 'null'],
    ['string body', '"NTH2P00000003000"'],
    ['array body', [{ referenceCode: tx }]],
    ['number reference', { referenceCode: 12345 }],
    ['huge body', { reason: 'x'.repeat(200 * 1024) }],
    ['bad JSON', 'not json'],
  ] as const) {
    const answer = seen(label, await call(t, { body }));
    if (!isRefusal(answer)) problems.push(`${label}: accepted (${answer.status})`);
  }
  // The lookup is exact: a prefix of the code reaches nothing.
  seen('prefix', await cancelAs(t, tx.slice(0, -2)));
  // The near misses, the bodies and the prefix cancelled nothing: the owner still can.
  succeeded('owner after the near misses', await cancelAs(t, tx));
  seen('repeat', await cancelAs(t, tx));
  const scheme = await givenTransaction(t);
  succeeded('scheme in lower case', await call(t, { authorization: bearer('dealer_a').replace('Bearer', 'bearer'), body: { referenceCode: scheme } }));
  if (seen('other dealer, cancelled', await cancelAs(t, scheme, 'dealer_b')).status !== 403) problems.push('other dealer, cancelled: not 403');
  return problems;
}

describe('the VPWS catalogue', () => {
  it('has at least 20 faults, each switching exactly one rule, with unique vpws- names and section 2 clauses', () => {
    expect(VPWS_FAULTS.length).toBeGreaterThanOrEqual(20);
    expect(VPWS_FAULTS_BY_NAME.size).toBe(VPWS_FAULTS.length);
    for (const fault of VPWS_FAULTS) {
      expect(Object.keys(fault.rules)).toHaveLength(1);
      expect(fault.name).toMatch(/^vpws-[a-z0-9-]+$/);
      expect(FAULT_CLAUSES).toContain(fault.clause);
      expect(fault.caughtBy?.length).toBeGreaterThan(0);
    }
  });

  it('covers every clause of section 2 but the MAY of free fields with at least one fault', () => {
    expect(new Set(VPWS_FAULTS.map((f) => f.clause))).toEqual(new Set(FAULT_CLAUSES));
  });

  it('has a variation for each MAY of section 2 and for each liberty', () => {
    expect(VPWS_VARIATIONS_BY_NAME.size).toBe(VPWS_VARIATIONS.length);
    const options = VPWS_VARIATIONS.map((v) => v.options);
    expect(options).toEqual(
      expect.arrayContaining([
        { may: { repeatCancel: 'succeed' } },
        { may: { refusalStatus: 400 } },
        { may: { refusalStatus: 422 } },
        { may: { missingReferenceStatus: 200 } },
        { liberties: { freeFields: 'array' } },
        { liberties: { freeFields: 'object' } },
        { liberties: { freeFields: 'string' } },
        { liberties: { dataOnRefusals: true } },
        { liberties: { refusalStatusCode: 'own' } },
        { liberties: { decimalAmounts: true } },
        { liberties: { keyOrder: 'reversed' } },
        { liberties: { extraFields: true } },
        { liberties: { prettyJson: true } },
        { liberties: { messageText: 'other' } },
        { liberties: { charsetInContentType: true } },
        { liberties: { chunked: true } },
        { liberties: { connectionClose: true } },
        { liberties: { extraHeaders: true } },
      ]),
    );
  });

  it('has a probe for every fault', () => {
    expect(Object.keys(PROBES).sort()).toEqual(VPWS_FAULTS.map((f) => f.name).sort());
  });
});

describe.each(VPWS_FAULTS.map((f) => [f.name, f] as const))('fault %s', (name, fault) => {
  it(`behaves differently from the reference (${fault.clause})`, async () => {
    // Arrange
    const faulty = await pool.start({ rules: fault.rules });
    const probe = PROBES[name]!;
    // Act
    const [expected, observed] = await Promise.all([probe(reference), probe(faulty)]);
    // Assert
    expect(observed).toEqual(FAULT_OBSERVED[name]);
    expect(observed).not.toEqual(expected);
  });

  it('is found by the section 2 reading', async () => {
    const faulty = await pool.start({ rules: fault.rules });
    expect(await section2Problems(faulty)).not.toEqual([]);
  });
});

describe('the reference and its legal variations', () => {
  it('the reference has no section 2 problem', async () => {
    expect(await section2Problems(reference)).toEqual([]);
  });

  it.each(VPWS_VARIATIONS.map((v) => [v.name, v] as const))('%s has no section 2 problem', async (_name, variation) => {
    const target = await pool.start(variation.options);
    expect(await section2Problems(target)).toEqual([]);
  });
});
