/** Names and places of a contract; kept apart from pact-js so listing checks does not load it. */
import { join } from 'node:path';

export interface ContractNames {
  consumer: string;
  provider: string;
}

/** Where pact-js writes the contract for these names. */
export const contractFile = (dir: string, names: ContractNames) => join(dir, `${names.consumer}-${names.provider}.json`);

/** Header that tells the verifier's filter which interaction a request is. */
export const INTERACTION_HEADER = 'X-Paycert-Interaction';

/** A consumer or provider name: it becomes part of a file name. */
export const CONTRACT_NAME = /^[A-Za-z0-9._-]+$/;
