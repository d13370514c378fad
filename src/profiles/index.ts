/**
 * The profile registry: every payment API paycert certifies, by name. The only module outside a
 * profile's folder that imports from it (src/architecture.test.ts enforces it). Adding an API is
 * a folder under src/profiles/ and one line here (ARCHITECTURE.md, "Adding a payment API").
 */
import { UserError } from '../core/errors';
import type { Clause } from '../profile/clauses';
import type { Profile } from './profile';
import { posProfile } from './viopay-pos';
import { vivaInterappProfile } from './viva-interapp';
import { vpwsProfile } from './vpws';

export type { Profile } from './profile';

const registered: Profile[] = [];

/** Adds a profile; a second profile with the same name or check id prefix throws. */
export function registerProfile(profile: Profile): void {
  const clash = registered.find((p) => p.name === profile.name || p.idPrefix === profile.idPrefix);
  if (clash) throw new Error(`profile "${profile.name}" (id prefix "${profile.idPrefix}") clashes with the registered profile "${clash.name}"`);
  registered.push(profile);
}

for (const profile of [posProfile, vpwsProfile, vivaInterappProfile]) registerProfile(profile);

/** Every registered profile, in registration order (the first is the default). */
export function allProfiles(): readonly Profile[] {
  return registered;
}

/** The names of every registered profile. */
export function profileNames(): string[] {
  return registered.map((p) => p.name);
}

/** The profile called `name`, or a user error listing the names there are. */
export function profileNamed(name: string): Profile {
  const found = registered.find((p) => p.name === name);
  if (!found) throw new UserError(`unknown profile "${name}"`, undefined, undefined, `one of ${profileNames().join(', ')}`);
  return found;
}

/** The clause with this id, in whichever profile it is, or undefined. */
export function clauseById(id: string): Clause | undefined {
  for (const profile of registered) {
    const found = profile.clauses.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}
