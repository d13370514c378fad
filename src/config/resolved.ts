/**
 * A target config resolved once: complete, validated, defaults filled. Everything downstream reads
 * this. The part every profile shares is typed here; the profile's own part (credentials, tokens,
 * request settings) is `settings`, which only that profile's code reads (its target side resolves
 * it, names its secrets and its public fields).
 */
import { createHash } from 'node:crypto';
import { profileNamed } from '../profiles';

/** A profile's name (`profile:` of a config): one of the registry's (src/profiles/index.ts). */
export type ProfileName = string;

/** The test cards a run uses (PROFILE section 4); the redactor masks them. */
export interface TestCards {
  approved: string;
  declined: string;
  pending?: string;
}

export interface ResolvedTarget<Settings = unknown> {
  profile: ProfileName;
  /** No trailing slash. */
  baseUrl: string;
  stateUrl?: string;
  cards: TestCards;
  /** The profile's own part of the config, resolved by its target side; may hold secrets, never printed as it is. */
  settings: Settings;
  /** True for the reference target the harness started itself. */
  embedded: boolean;
  /** Where it came from, for messages. */
  source: string;
}

/** What a profile says about its settings: the values never to show, and the fields that say who was certified. */
export interface SettingsDisclosure {
  /** Secrets as text (each also masked in upper case by the caller where it is hex). */
  secrets: string[];
  /** Secrets as bytes (e.g. a key), masked wherever their hex or base64 form appears. */
  secretBytes: Buffer[];
  /** The public fields of the settings, for the report's identity and the config fingerprint. */
  identity: Record<string, string>;
  /** What else the fingerprint covers (public facts about the settings, no secret). */
  fingerprint: Record<string, unknown>;
}

/** What the target's profile says about its settings (src/profiles/target-side.ts). */
function disclosureOf(target: ResolvedTarget): SettingsDisclosure {
  return profileNamed(target.profile).target.config.disclose(target.settings);
}

/** The values that must never appear in a report, log or message (text forms; see `secretBytesOf` for bytes). */
export function secretsOf(target: ResolvedTarget): string[] {
  const { secrets, secretBytes } = disclosureOf(target);
  const hex = secretBytes.map((b) => b.toString('hex'));
  return [...secrets, ...hex.flatMap((h) => [h, h.toUpperCase()])].filter((t) => t.length > 0);
}

/** The secrets of `target` that are bytes (keys), for the redactor's byte matching. */
export function secretBytesOf(target: ResolvedTarget): Buffer[] {
  return disclosureOf(target).secretBytes;
}

/**
 * Who a run certified and with what, with every secret left out: the profile's public fields, the
 * config's source file, and a SHA-256 over the public part of the config (the same config, secrets
 * aside, gives the same hash; a changed URL, card or public setting gives another).
 */
export function targetIdentity(target: ResolvedTarget): Record<string, string> & { configPath?: string; configHash: string } {
  const disclosure = disclosureOf(target);
  const { profile, baseUrl, stateUrl, cards, embedded, source } = target;
  const fingerprint = JSON.stringify({ profile, baseUrl, ...disclosure.identity, ...(stateUrl !== undefined && { stateUrl }), cards, ...disclosure.fingerprint, embedded });
  const identity = { ...disclosure.identity, configHash: createHash('sha256').update(fingerprint).digest('hex') };
  return embedded || source === baseUrl ? identity : { ...identity, configPath: source };
}
