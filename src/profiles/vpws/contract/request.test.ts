/** A VPWS contract request carries the token the interaction asks for, from the target config, and its body as bytes. */
import type { ContractRequest } from '../../contract-side';
import { prepareTokenRequest, type VpwsComment } from './request';

const settings = { tokens: { dealer_a: 'token-of-a', dealer_b: 'token-of-b' } };
const comment = (token: VpwsComment['token']): VpwsComment => ({ interaction: 'vpws.contract.x', profile: 'vpws', check: { level: 'MUST', clause: '2/auth' }, token });
const requestOf = (): ContractRequest => ({ method: 'POST', headers: { authorization: 'Bearer example-dealer-token' }, body: { referenceCode: 'ref-1' } });

describe('prepareTokenRequest', () => {
  it.each([
    ['dealer_a', 'Bearer token-of-a'],
    ['dealer_b', 'Bearer token-of-b'],
    ['invalid', 'Bearer paycert-not-a-valid-token'],
    ['none', undefined],
  ] as const)('token %s: Authorization %s', (token, header) => {
    // Arrange
    const req = requestOf();
    // Act
    prepareTokenRequest(req, comment(token), settings);
    // Assert
    expect(req.headers.authorization).toBe(header);
    expect(req.body).toEqual(Buffer.from('{"referenceCode":"ref-1"}'));
    expect(req.headers['content-length']).toBe(String((req.body as Buffer).length));
  });
});
