/** The POS contract's consumer (the terminal) and provider (the API): contracts/viopay-pos-terminal-viopay-pos-api.json. */
import type { ContractNames } from '../../../pact/names';

export const POS_CONTRACT_NAMES: ContractNames = { consumer: 'viopay-pos-terminal', provider: 'viopay-pos-api' };
