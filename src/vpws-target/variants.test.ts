/**
 * The VPWS variant catalogue: every fault switches one rule and behaves differently from the
 * reference where its clause says; a small section 2 check finds a problem in every fault and
 * none in the reference or any legal variation.
 */
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

const CLAUSES: VpwsClause[] = ['2/cancel-success', '2/auth', '2/other-dealer', '2/not-cancellable', '2/reference-required', '2/repeat-cancel', '2/response-shape', '2/no-5xx'];

const data = (answer: HttpAnswer): Record<string, unknown> => ((answer.body as LooseBody | undefined)?.data ?? {}) as Record<string, unknown>;

/** What one fault gets wrong, observed over HTTP; the reference and the fault must differ. */
const PROBES: Record<string, (target: RunningVpwsTarget) => Promise<unknown>> = {
  'vpws-token-not-required': async (t) => (await call(t, { authorization: null, body: { referenceCode: await givenTransaction(t) } })).status,
  'vpws-any-token-accepted': async (t) => (await call(t, { authorization: 'Bearer guessed', body: { referenceCode: await givenTransaction(t) } })).status,
  'vpws-other-dealer-cancel': async (t) => (await cancelAs(t, await givenTransaction(t, { dealer: 'dealer_a' }), 'dealer_b')).status,
  'vpws-failed-tx-cancelled': async (t) => data(await cancelAs(t, await givenTransaction(t, { transactionStatusId: 2 }))).isSuccess,
  'vpws-expired-provision-cancelled': async (t) => data(await cancelAs(t, await givenTransaction(t, { provisionExpired: true }))).isSuccess,
  'vpws-missing-reference-500': async (t) => (await call(t, { body: { reason: 'no reference' } })).status,
  'vpws-success-renamed': async (t) => vpwsShapeProblems((await cancelAs(t, await givenTransaction(t))).body).length > 0,
  'vpws-data-fields-missing': async (t) => vpwsShapeProblems((await cancelAs(t, await givenTransaction(t))).body).length > 0,
  'vpws-status-code-string': async (t) => vpwsShapeProblems((await cancelAs(t, await givenTransaction(t))).body).length > 0,
  'vpws-bad-json-500': async (t) => (await call(t, { body: '{"referenceCode":' })).status,
  'vpws-last-amount-not-zero': async (t) => data(await cancelAs(t, await givenTransaction(t, { amount: 75 }))).lastAmount,
  'vpws-repeat-cancel-500': async (t) => {
    const referenceCode = await givenTransaction(t);
    await cancelAs(t, referenceCode);
    return (await cancelAs(t, referenceCode)).status;
  },
};

/** What the fault answers instead of the reference's (same order as PROBES). */
const FAULT_OBSERVED: Record<string, unknown> = {
  'vpws-token-not-required': 200,
  'vpws-any-token-accepted': 200,
  'vpws-other-dealer-cancel': 200,
  'vpws-failed-tx-cancelled': true,
  'vpws-expired-provision-cancelled': true,
  'vpws-missing-reference-500': 500,
  'vpws-success-renamed': true,
  'vpws-data-fields-missing': true,
  'vpws-status-code-string': true,
  'vpws-bad-json-500': 500,
  'vpws-last-amount-not-zero': 75,
  'vpws-repeat-cancel-500': 500,
};

/**
 * A small reading of section 2's MUSTs (not the harness's checks): the problems it finds. Any
 * HTTP status PROFILE allows is accepted, so the legal variations must come out clean.
 */
async function section2Problems(t: RunningVpwsTarget): Promise<string[]> {
  const problems: string[] = [];
  const seen = (label: string, answer: HttpAnswer) => {
    if (answer.status >= 500) problems.push(`${label}: ${answer.status}`);
    for (const p of vpwsShapeProblems(answer.body, answer.status)) problems.push(`${label}: ${p}`);
    return answer;
  };
  const refused = (label: string, answer: HttpAnswer) => {
    const d = data(seen(label, answer));
    const okStatus = answer.status === 200 || (answer.status >= 400 && answer.status < 500);
    if (!okStatus || d.isSuccess !== false || (d.errorCode == null && d.errorMessage == null)) problems.push(`${label}: not refused (${answer.status} ${answer.text})`);
  };
  const ok = seen('success', await cancelAs(t, await givenTransaction(t)));
  const d = data(ok);
  if (ok.status !== 200 || (ok.body as LooseBody | undefined)?.statusCode !== 200 || d.isSuccess !== true || d.lastAmount !== 0) problems.push(`success: ${ok.text}`);
  const tx = await givenTransaction(t);
  if (seen('no token', await call(t, { authorization: null, body: { referenceCode: tx } })).status !== 401) problems.push('no token: not 401');
  if (seen('wrong token', await call(t, { authorization: 'Bearer wrong', body: { referenceCode: tx } })).status !== 401) problems.push('wrong token: not 401');
  if (seen('other dealer', await cancelAs(t, tx, 'dealer_b')).status !== 403) problems.push('other dealer: not 403');
  refused('status 2', await cancelAs(t, await givenTransaction(t, { transactionStatusId: 2 })));
  refused('expired', await cancelAs(t, await givenTransaction(t, { provisionExpired: true })));
  for (const [label, body] of [['missing reference', {}], ['empty reference', { referenceCode: '' }]] as const) {
    const answer = seen(label, await call(t, { body }));
    if (!(answer.status >= 400 && answer.status < 500) && !(answer.status === 200 && data(answer).isSuccess === false)) problems.push(`${label}: accepted`);
  }
  seen('repeat', await cancelAs(t, tx));
  seen('repeat', await cancelAs(t, tx));
  seen('bad JSON', await call(t, { authorization: bearer('dealer_a'), body: 'not json' }));
  return problems;
}

describe('the VPWS catalogue', () => {
  it('has at least 8 faults, each switching exactly one rule, with unique vpws- names and section 2 clauses', () => {
    expect(VPWS_FAULTS.length).toBeGreaterThanOrEqual(8);
    expect(VPWS_FAULTS_BY_NAME.size).toBe(VPWS_FAULTS.length);
    for (const fault of VPWS_FAULTS) {
      expect(Object.keys(fault.rules)).toHaveLength(1);
      expect(fault.name).toMatch(/^vpws-[a-z0-9-]+$/);
      expect(CLAUSES).toContain(fault.clause);
    }
  });

  it('covers every clause of section 2 with at least one fault', () => {
    expect(new Set(VPWS_FAULTS.map((f) => f.clause))).toEqual(new Set(CLAUSES));
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
        { liberties: { extraFields: true } },
        { liberties: { prettyJson: true } },
        { liberties: { messageText: 'other' } },
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
