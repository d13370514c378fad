/** The contract side of the Viopay POS API profile (src/profiles/contract-side.ts). */
import type { ContractSide } from '../contract-side';

export const contractSide: ContractSide = {};
