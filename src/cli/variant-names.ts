/** Looking up variants by the names a user typed: unknown names are one line with a suggestion. */
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import type { TargetOptionsInput } from '../target';
import { FAULTS, LEGAL_VARIATIONS, type FaultVariant } from '../target/variants';

function lookup<T>(kind: string, map: ReadonlyMap<string, T>, name: string): T {
  const found = map.get(name);
  if (found) return found;
  const guess = didYouMean(name, [...map.keys()]);
  throw new UserError(`unknown ${kind} "${name}"`, undefined, undefined, guess ? `did you mean "${guess}"?` : 'see reports/selftest.md or src/target/variants/');
}

export function fault(name: string): FaultVariant {
  return lookup('fault', FAULTS, name);
}

/** Target options for one or more legal variations together (later ones win where they overlap). */
export function variationOptions(names: readonly string[]): TargetOptionsInput {
  const options: TargetOptionsInput = {};
  for (const name of names) {
    const v = lookup('variation', LEGAL_VARIATIONS, name).options;
    Object.assign(options, { ...v, may: { ...options.may, ...v.may }, liberties: { ...options.liberties, ...v.liberties } });
  }
  return options;
}
