/**
 * Looking up variants by the names a user typed: an unknown name is one line with the nearest
 * name and the `paycert list` command that lists the names there are.
 */
import { UserError } from '../core/errors';
import { allProfiles, type Profile } from '../profiles';
import type { CatalogueFault, CatalogueVariation } from '../profiles/target-side';
import { unknownHint } from './list';
import { didYouMean } from '../core/did-you-mean';

const LIST = 'paycert list';

const names = (items: ReadonlyArray<CatalogueFault | CatalogueVariation>) => items.map((v) => v.name);

/** Checks a name of any profile's catalogue (faults and variations), for `selftest --only`. @throws UserError */
export function checkVariantName(name: string): void {
  const all = allProfiles().flatMap((p) => [...names(p.target.catalogue.faults), ...names(p.target.catalogue.variations)]);
  if (all.includes(name)) return;
  const guess = didYouMean(name, all);
  const lists = `run '${LIST} faults' or '${LIST} variations'`;
  throw new UserError(`selftest: --only ${name}: unknown fault or variation`, undefined, undefined, guess ? `did you mean "${guess}"? or ${lists}` : lists);
}

/**
 * Checks the names `serve --fault`/`--variant` gave against the catalogue of the profile served,
 * before anything starts. @throws UserError
 */
export function checkServeVariants(profile: Profile, fault: string | undefined, variations: readonly string[]): void {
  const { faults, variations: legal } = profile.target.catalogue;
  if (fault !== undefined && !names(faults).includes(fault)) {
    throw new UserError(`serve: unknown fault "${fault}" of ${profile.name}`, undefined, undefined, unknownHint(fault, names(faults), 'faults', profile.name));
  }
  for (const name of variations) {
    if (!names(legal).includes(name)) throw new UserError(`serve: unknown variation "${name}" of ${profile.name}`, undefined, undefined, unknownHint(name, names(legal), 'variations', profile.name));
  }
}
