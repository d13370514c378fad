/** Looking up variants by the names a user typed: unknown names are one line with a suggestion. */
import { allProfiles } from '../profiles';
import { variantNamed } from '../profiles/target-side';

/** Checks a name of any profile's catalogue (faults and variations), for `selftest --only`. @throws UserError */
export function checkVariantName(name: string): void {
  const all = new Map<string, unknown>();
  for (const profile of allProfiles()) for (const v of [...profile.target.catalogue.faults, ...profile.target.catalogue.variations]) all.set(v.name, v);
  variantNamed('fault or variation', all, name);
}
