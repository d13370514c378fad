/**
 * The contract's example bodies: real ciphertexts under the published test MSK with fixed IVs, so
 * the contract file is the same on every run and its example answers decrypt in the client.
 */
import { seal, type Envelope } from '../../../crypto/envelope';
import { keyCheckValue } from '../../../crypto/kcv';
import { REFERENCE_CREDENTIALS } from '../target/options';

/** The published test MSK (the reference target's); never a real key. */
export const TEST_MSK = Buffer.from(REFERENCE_CREDENTIALS.msk, 'hex');
export const REQUEST_IV = Buffer.from('000102030405060708090A0B0C0D0E0F', 'hex');
export const RESPONSE_IV = Buffer.from('101112131415161718191A1B1C1D1E1F', 'hex');

export function exampleRequestEnvelope(plaintext: unknown): Envelope {
  return seal(plaintext, TEST_MSK, { iv: REQUEST_IV });
}

export function exampleResponseEnvelope(plaintext: unknown): Envelope {
  return seal(plaintext, TEST_MSK, { iv: RESPONSE_IV, kcv: keyCheckValue(TEST_MSK, 'cmac', 3) });
}
