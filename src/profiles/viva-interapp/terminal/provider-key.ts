/**
 * An AADE provider key pair made for one embedded run: the simulator verifies with the public
 * half, the harness signs with the private half, so the checks that need a trusted key run too.
 * Made fresh each time rather than committed: no private key sits in the repository.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface ProviderKeys {
  /** What the simulator verifies with (`aadeKey`). */
  publicKey: KeyObject;
  /** What the harness signs with (`viva.aadePrivateKeyPem` of the resolved target). Never printed. */
  privatePem: string;
}

export function makeProviderKeys(): ProviderKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { publicKey, privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
