/**
 * The target config's JSON Schema, assembled: the fields every profile shares
 * (target-config.schema.json), the `profile:` names of the registry, and each profile's own fields
 * and required ones (its target side's `config`).
 */
import { allProfiles } from '../profiles';
import base from './target-config.schema.json';

/**
 * The whole schema. A profile's fields are allowed in every config (as before profiles were
 * plugins: a stray field of another profile is ignored, not an error); what a profile requires is
 * required only of its own configs.
 */
export function targetConfigSchema(): Record<string, unknown> {
  const profiles = allProfiles();
  const properties: Record<string, unknown> = { ...base.properties, profile: { ...base.properties.profile, enum: profiles.map((p) => p.name) } };
  for (const profile of profiles) Object.assign(properties, profile.target.config.properties);
  const allOf = profiles
    .filter((p) => p.target.config.requires !== undefined)
    .map((p) => ({ if: { properties: { profile: { const: p.name } } }, then: p.target.config.requires }));
  return { ...base, properties, ...(allOf.length > 0 && { allOf }) };
}

/** The fix to suggest for each field the schema refuses: the shared ones, then every profile's. */
export function targetConfigHints(shared: Readonly<Record<string, string>>): Record<string, string> {
  return Object.assign({}, shared, ...allProfiles().map((p) => p.target.config.hints ?? {}));
}
