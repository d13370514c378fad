/**
 * Writes the POS Pact V4 contract: one interaction per contract scenario, each exercised against
 * pact-js's mock server by the signed client (the POS terminal is the consumer). Everything that
 * changes per request is a matcher: timestamp, nonce, signature, IV, ciphertext hex, generated ids.
 */
import '../../../pact/no-tracking';
import { MatchersV3 } from '@pact-foundation/pact';
import { PosClient } from '../../../client/pos-client';
import { open } from '../../../crypto/envelope';
import { newContract } from '../../../pact/consumer';
import { INTERACTION_HEADER, type ContractNames } from '../../../pact/names';
import { DEFAULT_USER_AGENT } from '../../../profile/pos';
import { REFERENCE_CREDENTIALS } from '../target/options';
import { exampleRequestEnvelope, exampleResponseEnvelope, TEST_MSK } from './examples';
import type { Interaction } from './interaction';
import { POS_CONTRACT_NAMES } from './names';

const { regex, string, like, equal, fromProviderState, matchStatus } = MatchersV3;
const HEX_BLOCKS = '^(?:[0-9A-Fa-f]{32})+$';
const HEX_IV = '^[0-9A-Fa-f]{32}$';

function requestHeaders(interaction: Interaction, sample: Record<string, string>) {
  return {
    'X-Terminal-Id': like(REFERENCE_CREDENTIALS.terminalId),
    'User-Agent': regex('^Viopay-POS/.*$', DEFAULT_USER_AGENT),
    'X-Client-Type': equal('pos'),
    'X-Key-Id': like(REFERENCE_CREDENTIALS.keyId),
    'X-Timestamp': regex('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$', sample['X-Timestamp'] ?? '2026-01-01T00:00:00Z'),
    'X-Nonce': regex('^[A-Za-z0-9]{12,}$', 'a1b2c3d4e5f6'),
    'X-Signature': regex('^v1=[A-Za-z0-9+/]{43}=$', 'v1=SGVsbG8gV29ybGQhIFRoaXMgaXMgbm90IGEgc2lnbmF0dXJlLg=='),
    'Content-Type': regex('^application/json.*$', 'application/json'),
    [INTERACTION_HEADER]: equal(interaction.id),
  };
}

function envelopeMatchers(envelope: Record<string, unknown>, withKcv: boolean) {
  return {
    format: equal(envelope.format),
    ciphertext: regex(HEX_BLOCKS, String(envelope.ciphertext)),
    initialization_vector: regex(HEX_IV, String(envelope.initialization_vector)),
    mode: equal(envelope.mode),
    ...(withKcv && { key_kcv: regex('^(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{10})$', String(envelope.key_kcv)) }),
  };
}

/** The request body of the contract: the example envelope, with the scenario's envelope breaks applied. */
function exampleRequest(interaction: Interaction): Record<string, unknown> | undefined {
  if (interaction.requestPlaintext === undefined) return undefined;
  const envelope: Record<string, unknown> = { ...exampleRequestEnvelope(interaction.requestPlaintext) };
  const e = interaction.breaks.envelope ?? {};
  if (e.format !== undefined) envelope.format = e.format;
  if (e.mode !== undefined) envelope.mode = e.mode;
  return envelope;
}

/** The comment a verifier reads: the plaintexts the envelopes carry and what must match exactly. */
function paycertComment(interaction: Interaction) {
  return {
    interaction: interaction.id,
    check: { level: interaction.level, clause: interaction.clause },
    intent: interaction.intent,
    request_plaintext: interaction.requestPlaintext ?? null,
    response_plaintext: interaction.status === 200 ? interaction.responsePlaintext : null,
    exact_fields: interaction.exactFields,
    error_code: interaction.errorCode ?? null,
  };
}

/** Writes the contract from scratch; returns its file. */
export async function generateContract(interactions: readonly Interaction[], dir: string, names: ContractNames = POS_CONTRACT_NAMES): Promise<string> {
  const { pact, file } = newContract(dir, names);
  for (const interaction of interactions) {
    let start = pact.addInteraction();
    if (interaction.given) start = start.given(interaction.given.state, (interaction.given.params ?? {}) as never);
    const requestBody = exampleRequest(interaction);
    const answer = interaction.status === 200 ? { ...exampleResponseEnvelope(interaction.responsePlaintext) } : undefined;
    const errorBody = { error: { code: interaction.errorCode ? equal(interaction.errorCode) : regex('^[0-9]{4}$', '4040'), message: string('example message'), trace_id: string('abc123') } };
    const status = interaction.status === 'clientError' ? matchStatus(404, [400, 404]) : interaction.status;
    await start
      .uponReceiving(interaction.description)
      .testName(interaction.id)
      .comment(`paycert check ${interaction.id} (${interaction.level}, PROFILE ${interaction.clause}). Bodies are TR31-DATA envelopes under the published test MSK; comments.paycert holds their plaintexts. Verify with \`paycert pact verify\`, which re-encrypts and re-signs each request for the target.`)
      .comment({ key: 'paycert', value: JSON.stringify(paycertComment(interaction)) })
      .withRequest(interaction.method, interaction.pathTemplate === interaction.pathExample ? interaction.pathExample : fromProviderState(interaction.pathTemplate, interaction.pathExample), (b) => {
        b.headers(requestHeaders(interaction, {}));
        if (requestBody) b.jsonBody(envelopeMatchers(requestBody, false));
      })
      .willRespondWith(status, (b) => {
        b.headers({ 'Content-Type': regex('^application/json.*$', 'application/json') });
        b.jsonBody(answer ? envelopeMatchers(answer, true) : errorBody);
      })
      .executeTest(async (mock) => {
        // The terminal's side: sign and encrypt for real, against the mock server, and read the answer.
        const client = new PosClient({ baseUrl: mock.url, terminalId: REFERENCE_CREDENTIALS.terminalId, keyId: REFERENCE_CREDENTIALS.keyId, hmacSecret: REFERENCE_CREDENTIALS.hmacSecret, msk: TEST_MSK, kcvMethod: 'cmac', userAgent: DEFAULT_USER_AGENT });
        const spec = { method: interaction.method, path: interaction.pathExample, ...(interaction.requestPlaintext !== undefined && { plaintext: interaction.requestPlaintext }) };
        const answerGot = await client.send(client.build(spec, { ...interaction.breaks, headers: { ...interaction.breaks.headers, [INTERACTION_HEADER]: interaction.id } }));
        const expected = interaction.status === 'clientError' ? 404 : interaction.status;
        if (answerGot.status !== expected) throw new Error(`${interaction.id}: the mock server answered ${answerGot.status}, expected ${expected}`);
        if (answer && JSON.stringify(open(answerGot.json as Record<string, unknown>, TEST_MSK)) !== JSON.stringify(interaction.responsePlaintext)) {
          throw new Error(`${interaction.id}: the example answer does not decrypt to its plaintext`);
        }
      });
  }
  return file;
}
