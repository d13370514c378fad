/** The judging server answers as the reference target does, and keeps its diagnoses to itself. */
import { canonicalBytes } from '../../../crypto/canonical';
import { sampleCharge } from '../../../client/fixtures';
import { HEADER, MAX_BODY_BYTES, PATHS } from '../../../profile/pos';
import { startReferenceTarget } from '../target';
import { macHeader, wireParts } from './client-flow';
import { fixtureClient } from './request-fixture';
import { startClientJudge, type RunningJudge } from './server';
import type { RequestSpec } from '../../../client';

let judge: RunningJudge;
beforeEach(async () => {
  judge = await startClientJudge();
});
afterEach(() => judge.close());

/** Sends the same request to the judge and to a fresh reference target; their answers. */
async function bothAnswer(spec: RequestSpec, resign?: (parts: ReturnType<typeof wireParts>) => string) {
  const reference = await startReferenceTarget();
  try {
    const client = fixtureClient(Date.now);
    let wire = client.build(spec);
    if (resign) wire = { ...wire, headers: wire.headers.map(([n, v]) => [n, n === HEADER.signature ? resign(wireParts(wire)) : v]) };
    const send = (baseUrl: string) => fetch(baseUrl + wire.path, { method: wire.method, headers: wire.headers, ...(wire.body.length > 0 && { body: wire.body }) });
    const [fromJudge, fromReference] = [await send(judge.url), await send(reference.url)];
    return { judge: { status: fromJudge.status, body: await fromJudge.text() }, reference: { status: fromReference.status, body: await fromReference.text() } };
  } finally {
    await reference.close();
  }
}

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('startClientJudge', () => {
  it('answers a correct charge 200 with an envelope, as the reference target does', async () => {
    // Act
    const answers = await bothAnswer({ method: 'POST', path: PATHS.charge, plaintext: sampleCharge() });
    // Assert
    expect(answers.judge.status).toBe(200);
    expect(answers.reference.status).toBe(200);
    expect(Object.keys(JSON.parse(answers.judge.body) as object).sort()).toEqual(Object.keys(JSON.parse(answers.reference.body) as object).sort());
    expect(judge.session.judged).toHaveLength(1);
    expect(judge.session.judged[0]!.answer?.status).toBe(200);
  });

  it('answers a plaintext-signed charge with the bare PROFILE 401, the diagnosis kept for the report', async () => {
    // Arrange
    const plaintext = sampleCharge();
    // Act
    const answers = await bothAnswer({ method: 'POST', path: PATHS.charge, plaintext }, (p) => macHeader(judge.keys.hmacSecret, canonicalBytes({ ...p, body: JSON.stringify(plaintext) })));
    // Assert
    expect([answers.judge.status, errorCode(answers.judge.body)]).toEqual([401, '4001']);
    expect([answers.reference.status, errorCode(answers.reference.body)]).toEqual([401, '4001']);
    expect(answers.judge.body).not.toMatch(/plaintext|diagnosis/i);
    expect(judge.session.judged[0]!.breaches.map((b) => b.judgement.diagnosis?.mistake)).toEqual(['plaintext-signed']);
  });

  it('answers an unknown route and a GET as the reference target does', async () => {
    // Act
    const unknown = await bothAnswer({ method: 'POST', path: '/pos/charges', plaintext: sampleCharge() });
    const get = await bothAnswer({ method: 'GET', path: PATHS.charge });
    // Assert
    expect(unknown.judge.status).toBe(unknown.reference.status);
    expect(get.judge.status).toBe(get.reference.status);
    expect(judge.session.judged.map((j) => j.breaches.map((b) => b.check.id))).toEqual([['client.pos.route.known'], ['client.pos.route.method']]);
  });

  it('refuses a body over the limit (413) without judging it', async () => {
    // Act
    const res = await fetch(`${judge.url}${PATHS.charge}`, { method: 'POST', body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20) });
    // Assert
    expect(res.status).toBe(413);
    expect(judge.session.judged).toHaveLength(0);
  });
});

describe('startClientJudge on garbage', () => {
  it('judges and answers bodies that are not envelopes without an internal error', async () => {
    // Arrange
    const errors: unknown[] = [];
    const own = await startClientJudge({ onInternalError: (e) => errors.push(e) });
    const client = fixtureClient(Date.now);
    const bodies = ['not json', '[1,2]', '{"format":"TR31-DATA","mode":"CBC","initialization_vector":"zz","ciphertext":"00"}', Buffer.from([0xff, 0xfe, 0x00, 0x80]), '{"format":"TR31-DATA","mode":"CBC","initialization_vector":"00000000000000000000000000000000","ciphertext":"00000000000000000000000000000000"}'];
    try {
      // Act
      const statuses: number[] = [];
      for (const body of bodies) {
        const wire = client.build({ method: 'POST', path: PATHS.charge }, { rawBody: body });
        const res = await fetch(own.url + wire.path, { method: 'POST', headers: wire.headers, body: wire.body });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      // Assert
      expect(errors).toEqual([]);
      expect(statuses.every((s) => s === 400)).toBe(true);
      expect(own.session.judged.map((j) => j.breaches.length > 0)).toEqual(bodies.map(() => true));
      expect(own.session.results().every((r) => r.status !== 'failed' || r.failure !== undefined)).toBe(true);
    } finally {
      await own.close();
    }
  });
});
