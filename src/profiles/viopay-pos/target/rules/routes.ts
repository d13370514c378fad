/** PROFILE 1.1: the four POST routes; `/cancel` and `/reverse` are one operation. */

export type Operation = 'charge' | 'refund' | 'cancel';

export interface Route {
  operation: Operation;
  /** The charge id from the path, percent-decoded (refund and cancel only). */
  chargeId?: string;
}

const CHARGE_SUB = /^\/pos\/charge\/([^/]+)\/(refund|cancel|reverse)$/;

/** The operation a path names, or null for a path the API does not have. */
export function matchRoute(path: string): Route | null {
  if (path === '/pos/charge') return { operation: 'charge' };
  const m = CHARGE_SUB.exec(path);
  if (!m) return null;
  let chargeId: string;
  try {
    chargeId = decodeURIComponent(m[1]!);
  } catch {
    chargeId = m[1]!;
  }
  return { operation: m[2] === 'refund' ? 'refund' : 'cancel', chargeId };
}
