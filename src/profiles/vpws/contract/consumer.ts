/**
 * Writes the VPWS Pact contract (the dealer's system is the consumer, VPWS the provider): one
 * interaction per VPWS contract scenario, exercised by the VPWS client against pact-js's mock server.
 *
 * The contract says what PROFILE section 2 fixes and nothing more. A success: HTTP 200,
 * `statusCode` 200, `data.isSuccess` true, `data.lastAmount` 0. A refused cancel: HTTP 200 or any
 * 4xx, `data.isSuccess` false. A refusal before any transaction (401, 403): its status. Always:
 * `message` a string, `statusCode` an integer, the six wrapper fields and `data`'s five present.
 * Free: `exceptions`, `oldData`, `errors` (any JSON value), `data` on a 401/403 (object or null),
 * `errorCode`/`errorMessage` (PROFILE's "one of them non-null" spans two fields, which no Pact
 * matcher can say: the contract keeps both present, the scenario checks hold the rest), every
 * text, key order and extra fields.
 */
import '../../../pact/no-tracking';
import { MatchersV3 } from '@pact-foundation/pact';
import { newContract } from '../../../pact/consumer';
import { INTERACTION_HEADER, type ContractNames } from '../../../pact/names';
import { VpwsClient } from '../client';
import { EXAMPLE_REFERENCE_CODE, INVALID_TOKEN, type VpwsInteraction } from './interaction';
import { VPWS_CONTRACT_NAMES } from './names';

const { regex, like, equal, fromProviderState, matchStatus } = MatchersV3;
const EXAMPLE_TOKEN = 'example-dealer-token';

/**
 * The request's Authorization: the dealer's token as the state hook answers it (`token`, a Pact
 * provider-state value: the contract holds no real token), a token no dealer holds, or none.
 */
function authorizationOf(token: VpwsInteraction['token']): Record<string, unknown> {
  if (token === 'none') return {};
  if (token === 'invalid') return { Authorization: `Bearer ${INVALID_TOKEN}` };
  return { Authorization: fromProviderState('Bearer ${token}', `Bearer ${EXAMPLE_TOKEN}`) };
}

/**
 * Any JSON value, but present: a regex over the value's JSON text (Pact applies a regex to the
 * text of a non-string). No type matcher can say it: `like(null)` would force null.
 */
const anyValue = (example: unknown) => ({ 'pact:matcher:type': 'regex', regex: '^[\\s\\S]*$', value: example });

/**
 * A number whose JSON text (as Pact re-writes it: `0`, `0.0`) matches `pattern`. Pact's `integer`
 * and `equal(0)` would refuse `0.0` and `200.0`, which are the same JSON numbers.
 */
const numberMatching = (pattern: string, example: number) => ({
  'pact:matcher:type': [{ 'pact:matcher:type': 'number' }, { 'pact:matcher:type': 'regex', regex: pattern }],
  value: example,
});
const integerValued = (example: number) => numberMatching('^-?[0-9]+(\\.0+)?$', example);
/** Exactly `value` (a whole number), however it is written; 0 also as -0.0. */
const exactly = (value: number) => numberMatching(`^${value === 0 ? '-?' : value < 0 ? '-' : ''}${Math.abs(value)}(\\.0+)?$`, value);

/** The response body's matchers for what PROFILE 2 fixes of this kind of answer. */
export function vpwsResponseMatchers(i: VpwsInteraction): Record<string, unknown> {
  const example = i.responseExample as { message: string; statusCode: number; data: Record<string, unknown> | null };
  const wrapper = { message: like(example.message), exceptions: anyValue(null), oldData: anyValue(null), errors: anyValue(null) };
  const d = example.data ?? {};
  const dataFields = (isSuccess: boolean, lastAmount: unknown) => ({
    lastAmount,
    transactionStatusId: integerValued(Number(d.transactionStatusId ?? 1)),
    errorCode: anyValue(d.errorCode ?? null),
    isSuccess: equal(isSuccess),
    errorMessage: anyValue(d.errorMessage ?? null),
  });
  if (i.kind === 'cancelled') return { ...wrapper, statusCode: exactly(200), data: dataFields(true, exactly(0)) };
  if (i.kind === 'cancel-refused') return { ...wrapper, statusCode: integerValued(example.statusCode), data: dataFields(false, MatchersV3.number(Number(d.lastAmount ?? 0))) };
  return { ...wrapper, statusCode: integerValued(example.statusCode), data: anyValue(example.data) };
}

/** The status: exactly one, or (a refused cancel) any PROFILE allows. */
const statusOf = (i: VpwsInteraction) => (i.statuses.length === 1 ? i.statuses[0]! : matchStatus(i.statuses[0]!, i.statuses));

/** Writes the contract from scratch; returns its file. */
export async function generateVpwsContract(interactions: readonly VpwsInteraction[], dir: string, names: ContractNames = VPWS_CONTRACT_NAMES): Promise<string> {
  const { pact, file } = newContract(dir, names);
  for (const i of interactions) {
    const comment = { interaction: i.id, profile: 'vpws', check: { level: i.level, clause: i.clause }, token: i.token, exact_fields: i.exactFields, response_example: i.responseExample };
    await pact
      .addInteraction()
      .given(i.given.state, i.given.params as never)
      .uponReceiving(i.description)
      .testName(i.id)
      .comment(`paycert check ${i.id} (${i.level}, PROFILE ${i.clause}). The provider state makes the transaction and answers its referenceCode${i.token === 'dealer_a' || i.token === 'dealer_b' ? ` and the token of ${i.token} (its param caller)` : ''}, which Pact injects; ${i.token === 'none' ? 'the request carries no Authorization' : i.token === 'invalid' ? 'the request carries a token no dealer holds' : '`paycert pact verify` puts in the token of the target config instead'}.`)
      .comment({ key: 'paycert', value: JSON.stringify(comment) })
      .withRequest('POST', '/vpws/payment/cancel', (b) => {
        b.headers({
          'Content-Type': regex('^application/json.*$', 'application/json'),
          [INTERACTION_HEADER]: equal(i.id),
          ...authorizationOf(i.token),
        });
        b.jsonBody({ referenceCode: fromProviderState('${referenceCode}', EXAMPLE_REFERENCE_CODE), ...(i.reason !== undefined && { reason: i.reason }) });
      })
      .willRespondWith(statusOf(i), (b) => {
        // Seed 004: "Response Content-Type: application/json" (a media type's name is case-insensitive; parameters are free).
        b.headers({ 'Content-Type': regex('(?i)^application/json\\s*(;.*)?$', 'application/json') });
        b.jsonBody(vpwsResponseMatchers(i));
      })
      .executeTest(async (mock) => {
        const client = new VpwsClient({ baseUrl: mock.url, tokens: { dealer_a: EXAMPLE_TOKEN, dealer_b: EXAMPLE_TOKEN } });
        const wire = client.build({ referenceCode: EXAMPLE_REFERENCE_CODE, ...(i.reason !== undefined && { reason: i.reason }) }, { token: i.token });
        wire.headers.push([INTERACTION_HEADER, i.id]);
        const answer = await client.send(wire);
        if (answer.status !== i.statuses[0]) throw new Error(`${i.id}: the mock server answered ${answer.status}, expected ${i.statuses[0]}`);
        if (answer.problems.length > 0) throw new Error(`${i.id}: the contract's example answer is not a VPWS answer: ${answer.problems.map((p) => p.message).join('; ')}`);
      });
  }
  return file;
}
