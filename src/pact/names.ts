/** Names and places of the contract; kept apart from pact-js so listing checks does not load it. */
import { join } from 'node:path';

export interface ContractNames {
  consumer: string;
  provider: string;
}

export const DEFAULT_NAMES: ContractNames = { consumer: 'viopay-pos-terminal', provider: 'viopay-pos-api' };

/** Where pact-js writes the contract for these names. */
export const contractFile = (dir: string, names: ContractNames) => join(dir, `${names.consumer}-${names.provider}.json`);

/** Header that tells the verifier's filter which interaction a request is. */
export const INTERACTION_HEADER = 'X-Paycert-Interaction';
