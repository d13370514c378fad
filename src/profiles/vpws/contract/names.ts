/** The VPWS contract's consumer (a dealer's system) and provider (the API): contracts/vpws-dealer-vpws-api.json. */
import type { ContractNames } from '../../../pact/names';

export const VPWS_CONTRACT_NAMES: ContractNames = { consumer: 'vpws-dealer', provider: 'vpws-api' };
