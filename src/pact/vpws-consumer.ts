/**
 * Writes the VPWS Pact contract (the dealer's system is the consumer, VPWS the provider): one
 * interaction per VPWS contract scenario, exercised by the VPWS client against pact-js's mock server.
 */
import { rmSync } from 'node:fs';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { VpwsClient } from '../client/vpws-client';
import { contractFile, INTERACTION_HEADER, type ContractNames } from './names';
import { EXAMPLE_REFERENCE_CODE, type VpwsInteraction } from './vpws-interaction';

export const VPWS_NAMES: ContractNames = { consumer: 'vpws-dealer', provider: 'vpws-api' };

const { regex, like, equal, fromProviderState, integer } = MatchersV3;
const EXAMPLE_TOKEN = 'example-dealer-token';

function responseMatchers(i: VpwsInteraction) {
  const body = i.responseExample;
  if (i.status !== 200) return like(body);
  return { ...(like(body) as object), statusCode: integer(200), data: { ...(like(body.data) as object), isSuccess: equal(true), lastAmount: equal(0) } };
}

export async function generateVpwsContract(interactions: readonly VpwsInteraction[], dir: string, names: ContractNames = VPWS_NAMES): Promise<string> {
  const file = contractFile(dir, names);
  rmSync(file, { force: true });
  const pact = new PactV4({ ...names, dir, logLevel: 'error' });
  for (const i of interactions) {
    const comment = { interaction: i.id, profile: 'vpws', check: { level: i.level, clause: i.clause }, token: i.token, exact_fields: i.exactFields, response_example: i.responseExample };
    await pact
      .addInteraction()
      .given(i.given.state, i.given.params as never)
      .uponReceiving(i.description)
      .testName(i.id)
      .comment(`paycert check ${i.id} (${i.level}, PROFILE ${i.clause}). The provider state makes the transaction and yields its referenceCode; the token is the ${i.token === 'none' ? 'absence of one' : `${i.token}'s`}, which \`paycert pact verify\` puts in from the target config.`)
      .comment({ key: 'paycert', value: JSON.stringify(comment) })
      .withRequest('POST', '/vpws/payment/cancel', (b) => {
        b.headers({
          'Content-Type': regex('^application/json.*$', 'application/json'),
          [INTERACTION_HEADER]: equal(i.id),
          ...(i.token !== 'none' && { Authorization: regex('^Bearer \\S+$', `Bearer ${EXAMPLE_TOKEN}`) }),
        });
        b.jsonBody({ referenceCode: fromProviderState('${referenceCode}', EXAMPLE_REFERENCE_CODE), ...(i.reason !== undefined && { reason: i.reason }) });
      })
      .willRespondWith(i.status, (b) => {
        b.headers({ 'Content-Type': regex('^application/json.*$', 'application/json') });
        b.jsonBody(responseMatchers(i));
      })
      .executeTest(async (mock) => {
        const client = new VpwsClient({ baseUrl: mock.url, tokens: { dealer_a: EXAMPLE_TOKEN, dealer_b: EXAMPLE_TOKEN } });
        const wire = client.build({ referenceCode: EXAMPLE_REFERENCE_CODE, ...(i.reason !== undefined && { reason: i.reason }) }, { token: i.token });
        wire.headers.push([INTERACTION_HEADER, i.id]);
        const answer = await client.send(wire);
        if (answer.status !== i.status) throw new Error(`${i.id}: the mock server answered ${answer.status}, expected ${i.status}`);
      });
  }
  return file;
}
