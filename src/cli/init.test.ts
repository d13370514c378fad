/**
 * `paycert init`: the config it writes for every profile loads with the config loader once its
 * environment variables are set, names every field of the profile's part of PROFILE section 4 with
 * a comment, takes every secret from the environment, and is never written over without --force.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isPair, isScalar, type Node } from 'yaml';
import { loadTargetConfig } from '../config/load-config';
import base from '../config/target-config.schema.json';
import { allProfiles } from '../profiles';
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';
import { configTemplate, DEFAULT_CONFIG_FILE, templateVariables } from './init';
import { main } from './main';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env: {} });
  return { code, out, err };
}

/** A value for each variable a template may read: each distinct, so a secret can be traced to its variable. */
const AADE_KEY = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ENV_VALUES: Record<string, string> = {
  VIOPAY_HMAC_SECRET: 'init-test-hmac-secret',
  VIOPAY_MSK: 'a1'.repeat(32),
  VPWS_DEALER_A_TOKEN: 'init-test-dealer-a-token',
  VPWS_DEALER_B_TOKEN: 'init-test-dealer-b-token',
  VIVA_MERCHANT_KEY: 'init-test-merchant-key',
  VIVA_AADE_PRIVATE_KEY: AADE_KEY,
};

/** Every key path of a JSON Schema's `properties`, nested ones as `a.b`. */
function schemaPaths(properties: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([key, schema]) => {
    const nested = (schema as { properties?: Record<string, unknown> }).properties;
    return [`${prefix}${key}`, ...(nested ? schemaPaths(nested, `${prefix}${key}.`) : [])];
  });
}

/** Every key path of a YAML mapping, nested ones as `a.b`, each with the key node's comment (its own line above, or after the value). */
function yamlKeys(node: Node | null | undefined, prefix = ''): Array<{ path: string; comment: string }> {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair, i) => {
    if (!isPair(pair) || !isScalar(pair.key)) return [];
    const path = `${prefix}${String(pair.key.value)}`;
    const value = pair.value as Node | null;
    // The lines above a mapping's first key are the mapping's comment.
    const above = i === 0 ? node.commentBefore : pair.key.commentBefore;
    const comment = [above, (value as { comment?: string } | null)?.comment].filter(Boolean).join(' ');
    return [{ path, comment }, ...yamlKeys(value, `${path}.`)];
  });
}

const profiles = allProfiles().map((p) => [p.name, p] as const);

describe('paycert init', () => {
  it.each(profiles)('writes a config for %s that loads once its variables are set, every secret from one of them', async (name, profile) => {
    // Arrange
    const file = join(tempDir(), 'target.yaml');
    // Act
    const result = await cli('init', '--profile', name, '--out', file);
    const variables = templateVariables(readFileSync(file, 'utf8'));
    const env = Object.fromEntries(variables.map((v) => [v, ENV_VALUES[v]]));
    const target = loadTargetConfig(file, env);
    // Assert
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`wrote ${file} (profile ${name})`);
    expect(result.out).toContain(`paycert run --config ${file}`);
    expect(variables.filter((v) => ENV_VALUES[v] === undefined)).toEqual([]);
    expect(variables.length).toBeGreaterThan(0);
    expect(target.profile).toBe(name);
    const { secrets, secretBytes } = profile.target.config.disclose(target.settings);
    const fromEnv = Object.values(env);
    for (const secret of [...secrets, ...secretBytes.map((b) => b.toString('hex'))]) expect(fromEnv).toContain(secret);
    expect(secrets.length + secretBytes.length).toBeGreaterThan(0);
  });

  it.each(profiles)('the %s template reads its secrets from the environment: without them it does not load', (name) => {
    // Arrange
    const dir = tempDir();
    const file = join(dir, 'target.yaml');
    writeFileSync(file, configTemplate(name));
    // Act
    const load = () => loadTargetConfig(file, {});
    // Assert
    expect(load).toThrow(/environment variable \w+ is not set/);
  });

  it.each(profiles)('the %s template names every field of its profile and the shared ones, each with a comment', (name, profile) => {
    // Arrange
    const doc = parseDocument(configTemplate(name));
    const keys = yamlKeys(doc.contents);
    const paths = keys.map((k) => k.path);
    const shared = ['profile', 'base_url', 'state_url'];
    // Test cards are the POS API's: the other profiles' checks send no card.
    const cards = name === 'viopay-pos' ? schemaPaths({ cards: base.properties.cards }) : [];
    // Act
    const missing = [...shared, ...cards, ...schemaPaths(profile.target.config.properties as Record<string, unknown>)].filter((p) => !paths.includes(p));
    const uncommented = keys.filter((k) => k.path !== 'profile' && k.comment.trim() === '').map((k) => k.path);
    // Assert
    expect(doc.errors).toEqual([]);
    expect(missing).toEqual([]);
    expect(uncommented).toEqual([]);
    expect(doc.toJS()).toMatchObject({ profile: name });
  });

  it('refuses to overwrite a file without --force (one line, exit 2, the file kept), and overwrites it with --force', async () => {
    // Arrange
    const file = join(tempDir(), 'paycert.config.yaml');
    writeFileSync(file, 'mine\n');
    // Act
    const refused = await cli('init', '--out', file);
    const kept = readFileSync(file, 'utf8');
    const forced = await cli('init', '--out', file, '--force');
    // Assert
    expect(refused).toEqual({ code: 2, out: '', err: `paycert: init: ${file} exists (add --force to overwrite it, or give --out FILE)\n` });
    expect(kept).toBe('mine\n');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(configTemplate(allProfiles()[0]!.name));
  });

  it('writes paycert.config.yaml in the working directory by default, for the default profile', async () => {
    // Arrange
    const dir = tempDir();
    // Act
    const result = await paycert(['init'], {}, dir);
    // Assert
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(dir, DEFAULT_CONFIG_FILE))).toBe(true);
    expect(readFileSync(join(dir, DEFAULT_CONFIG_FILE), 'utf8')).toMatch(new RegExp(`^profile: ${allProfiles()[0]!.name}$`, 'm'));
  });

  it('--out - prints the config instead of writing it', async () => {
    const result = await cli('init', '--profile', 'vpws', '--out', '-');
    expect(result).toEqual({ code: 0, out: configTemplate('vpws'), err: '' });
  });

  it('an unknown profile is one line with the nearest name, exit 2, and nothing is written', async () => {
    // Arrange
    const file = join(tempDir(), 'x.yaml');
    // Act
    const result = await cli('init', '--profile', 'vpwz', '--out', file);
    // Assert
    expect(result).toEqual({ code: 2, out: '', err: 'paycert: --profile vpwz is not a profile (did you mean "vpws"?)\n' });
    expect(existsSync(file)).toBe(false);
  });

  it('--help says what it writes and the options', async () => {
    const result = await cli('init', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Usage: paycert init \[--profile P\] \[--out FILE\] \[--force\]/);
  });
});
