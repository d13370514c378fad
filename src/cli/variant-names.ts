/** Looking up variants by the names a user typed: unknown names are one line with a suggestion. */
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import type { TargetOptionsInput } from '../profiles/viopay-pos/target';
import { FAULTS, LEGAL_VARIATIONS, type FaultVariant } from '../profiles/viopay-pos/target/variants';
import type { VpwsTargetOptionsInput } from '../profiles/vpws/target/options';
import { VPWS_FAULTS_BY_NAME, VPWS_VARIATIONS_BY_NAME } from '../profiles/vpws/target/variants';
import type { TerminalRules } from '../profiles/viva-interapp/terminal/rules';
import { TERMINAL_FAULTS_BY_NAME } from '../profiles/viva-interapp/terminal/variants';
import { TERMINAL_VARIATIONS_BY_NAME } from '../profiles/viva-interapp/terminal/variations';

function lookup<T>(kind: string, map: ReadonlyMap<string, T>, name: string): T {
  const found = map.get(name);
  if (found) return found;
  const guess = didYouMean(name, [...map.keys()]);
  throw new UserError(`unknown ${kind} "${name}"`, undefined, undefined, guess ? `did you mean "${guess}"?` : 'see reports/selftest.md or src/profiles/viopay-pos/target/variants/');
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

/** VPWS target options for a fault and/or legal variations of the VPWS catalogue (src/profiles/vpws/target/variants.ts). */
export function vpwsVariantOptions(faultName: string | undefined, variants: string | undefined): VpwsTargetOptionsInput {
  const options: VpwsTargetOptionsInput = {};
  for (const name of (variants ?? '').split(',').map((v) => v.trim()).filter(Boolean)) {
    const v = lookup('VPWS variation', VPWS_VARIATIONS_BY_NAME, name).options;
    Object.assign(options, { ...v, may: { ...options.may, ...v.may }, liberties: { ...options.liberties, ...v.liberties } });
  }
  if (faultName !== undefined) options.rules = lookup('VPWS fault', VPWS_FAULTS_BY_NAME, faultName).rules;
  return options;
}

/** The Viva simulator's rules for a fault and/or legal variations of its catalogue (src/profiles/viva-interapp/terminal/). */
export function vivaVariantRules(faultName: string | undefined, variants: string | undefined): Partial<TerminalRules> {
  const rules: Partial<TerminalRules> = {};
  for (const name of (variants ?? '').split(',').map((v) => v.trim()).filter(Boolean)) Object.assign(rules, lookup('Viva terminal variation', TERMINAL_VARIATIONS_BY_NAME, name).rules);
  if (faultName !== undefined) Object.assign(rules, lookup('Viva terminal fault', TERMINAL_FAULTS_BY_NAME, faultName).rules);
  return rules;
}

/** Checks a name of any catalogue (POS, VPWS, Viva terminal; faults and variations), for `selftest --only`. */
export function checkVariantName(name: string): void {
  const all = new Map<string, unknown>([...FAULTS, ...LEGAL_VARIATIONS, ...VPWS_FAULTS_BY_NAME, ...VPWS_VARIATIONS_BY_NAME, ...TERMINAL_FAULTS_BY_NAME, ...TERMINAL_VARIATIONS_BY_NAME]);
  lookup('fault or variation', all, name);
}
