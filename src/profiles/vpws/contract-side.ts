/** The contract side of the VPWS Dealer Payment Cancellation API profile (src/profiles/contract-side.ts). */
import type { ContractSide } from '../contract-side';

export const contractSide: ContractSide = {};
