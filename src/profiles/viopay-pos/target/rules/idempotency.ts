/**
 * PROFILE 1.5 `Idempotency-Key`: a repeat returns the original charge and creates nothing, also
 * when repeats race: the record (with the charge still being made) is reserved before the first
 * await, so concurrent repeats all wait for the one charge.
 */
import { reject, RejectionError } from '../rejection';
import type { Charge } from '../store';
import type { RuleContext } from './context';

/** A stable text for comparing plaintexts: keys sorted at every level. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export async function idempotentCharge(
  scope: string,
  print: string,
  create: () => Promise<Charge>,
  ctx: RuleContext,
): Promise<Charge> {
  const records = ctx.store.idempotency;
  const existing = records.get(scope);
  if (existing !== undefined) {
    if (existing.fingerprint !== print && ctx.options.may.idempotencyConflict === 'reject') {
      throw new RejectionError({ ...reject.badRequest('Idempotency-Key was used with another body'), status: 409, code: '4090' });
    }
    return existing.charge;
  }
  const charge = create();
  records.set(scope, { fingerprint: print, charge });
  // A charge that failed to be made must not be replayed to the next caller.
  charge.catch(() => records.delete(scope));
  return charge;
}
