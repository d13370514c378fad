/**
 * Reads a target config file (PROFILE section 4): YAML, `${ENV}` expansion in string values,
 * validation against target-config.schema.json with errors that name the field and say the fix,
 * and resolution into a complete ResolvedTarget.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { isScalar, visit } from 'yaml';
import { UserError, UserErrors } from '../core/errors';
import { assertInputFile, inputFileProblem, MAX_KEY_FILE_BYTES, MAX_YAML_FILE_BYTES } from '../core/input-file';
import { DEFAULT_CARDS } from '../profile/pos';
import { schemaErrors } from '../source/schema-errors';
import { locate, parseYaml, yamlValue, type YamlSource } from '../source/yaml';
import { readProviderPrivateKey } from '../profiles/viva-interapp/protocol/aade';
import { baseUrlProblem, httpUrlProblem } from './http-url';
import { DEFAULT_VIVA_SETTINGS, type ResolvedTarget, type VivaSettings } from './resolved';
import schema from './target-config.schema.json';

const validateConfig = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(schema);

const HINTS: Record<string, string> = {
  msk: 'must be 64 hex digits (the 32-byte AES-256 MSK)',
  base_url: 'must be an http:// or https:// URL, e.g. http://127.0.0.1:8080',
  state_url: 'must be an http:// or https:// URL',
  approved: 'must be a card number of 12 to 19 digits, quoted',
  declined: 'must be a card number of 12 to 19 digits, quoted',
  pending: 'must be a card number of 12 to 19 digits, quoted',
};

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The first `${` of `text` that does not start a whole `${NAME}` (up to its `}` or 40 characters), or null. */
function brokenReference(text: string): string | null {
  const whole = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/y;
  for (let at = text.indexOf('${'); at !== -1; at = text.indexOf('${', at + 1)) {
    whole.lastIndex = at;
    if (whole.test(text)) continue;
    const close = text.indexOf('}', at);
    return text.slice(at, close === -1 ? at + 40 : Math.min(close + 1, at + 40));
  }
  return null;
}

/** Replaces `${NAME}` in every string scalar; an unset variable is an error at that field. */
function expandEnv(source: YamlSource, env: NodeJS.ProcessEnv): void {
  const errors: UserError[] = [];
  visit(source.doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || !node.value.includes('${')) return;
      // `${NAME` unclosed or `${}` would otherwise be sent as a literal secret, and refused by the target for a reason no one sees.
      const broken = brokenReference(node.value);
      if (broken) {
        errors.push(new UserError(`${JSON.stringify(broken)} is not an environment reference`, { file: source.file, ...source.lines.linePos(node.range?.[0] ?? 0) }, undefined, 'write ${NAME}, NAME of letters, digits and _'));
        return;
      }
      node.value = node.value.replace(ENV_REF, (_m, name: string) => {
        const value = env[name];
        if (value === undefined || value === '') {
          const pos = source.lines.linePos(node.range?.[0] ?? 0);
          errors.push(new UserError(`environment variable ${name} is not set`, { file: source.file, ...pos }, undefined, `export ${name}=...`));
          return '';
        }
        return value;
      });
    },
  });
  if (errors.length) throw new UserErrors(errors);
  source.value = yamlValue(source);
}

interface RawConfig {
  profile: ResolvedTarget['profile'];
  base_url: string;
  terminal_id?: string;
  key_id?: string;
  hmac_secret?: string;
  msk?: string;
  kcv_method?: 'cmac' | 'legacy';
  state_url?: string;
  cards?: { approved?: string; declined?: string; pending?: string };
  tokens?: { dealer_a?: string; dealer_b?: string };
  viva?: { merchant_key?: string; app_id?: string; aade_provider_id?: string; aade_private_key?: string };
}

/**
 * The Viva settings with defaults filled. `aade_private_key` is PEM text (e.g. from an environment
 * variable) or the path of a PEM file, relative to the config; it must be an EC P-256 private key.
 */
function vivaSettings(source: YamlSource, raw: NonNullable<RawConfig['viva']> = {}): VivaSettings {
  const settings: VivaSettings = {
    merchantKey: raw.merchant_key ?? DEFAULT_VIVA_SETTINGS.merchantKey,
    appId: raw.app_id ?? DEFAULT_VIVA_SETTINGS.appId,
    aadeProviderId: raw.aade_provider_id ?? DEFAULT_VIVA_SETTINGS.aadeProviderId,
  };
  const key = raw.aade_private_key;
  if (key === undefined) return settings;
  const at = { file: source.file, ...locate(source, ['viva', 'aade_private_key']) };
  let pem = key;
  if (!key.includes('-----BEGIN')) {
    const path = resolve(dirname(source.file), key);
    const problem = inputFileProblem(path, MAX_KEY_FILE_BYTES);
    if (problem) throw new UserError(`the file "${key}" ${problem}`, at, 'viva.aade_private_key', 'give the path of a PEM file, relative to this config, or the PEM text itself');
    try {
      pem = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read the file "${key}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`, at, 'viva.aade_private_key', 'give the path of a PEM file, relative to this config, or the PEM text itself');
    }
  }
  try {
    readProviderPrivateKey(pem);
  } catch {
    // The key's text is a secret: the message says what is wrong, never what was read.
    throw new UserError('not an EC P-256 private key in PEM', at, 'viva.aade_private_key', 'e.g. openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt');
  }
  return { ...settings, aadePrivateKeyPem: pem };
}

/**
 * The URLs a schema pattern cannot judge (a port of 99999, a host that is none), each an error at
 * its field, so that no request is ever tried at a URL that cannot be one.
 */
function urlErrors(source: YamlSource, raw: RawConfig): void {
  const errors: UserError[] = [];
  const checks: Array<[string, string | null]> = [
    ['base_url', baseUrlProblem(raw.base_url)],
    ['state_url', raw.state_url === undefined ? null : httpUrlProblem(raw.state_url)],
  ];
  for (const [field, problem] of checks) {
    if (problem) errors.push(new UserError(`the URL ${problem}`, { file: source.file, ...locate(source, [field]) }, field, 'e.g. http://127.0.0.1:8080'));
  }
  if (errors.length) throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
}

/** Parses, expands and validates config text. @throws UserError / UserErrors */
export function parseTargetConfig(file: string, text: string, env: NodeJS.ProcessEnv = process.env): ResolvedTarget {
  const source = parseYaml(file, text);
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new UserError('a target config is a YAML mapping (profile: viopay-pos, base_url: ..., ...)', { file, line: 1, col: 1 });
  }
  expandEnv(source, env);
  if (!validateConfig(source.value)) {
    const errors = schemaErrors(source, validateConfig.errors ?? [], HINTS);
    throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
  }
  const raw = source.value as unknown as RawConfig;
  urlErrors(source, raw);
  const resolved: ResolvedTarget = {
    profile: raw.profile,
    baseUrl: raw.base_url.replace(/\/+$/, ''),
    terminalId: raw.terminal_id ?? '',
    keyId: raw.key_id ?? '',
    hmacSecret: raw.hmac_secret ?? '',
    msk: Buffer.from(raw.msk ?? '', 'hex'),
    kcvMethod: raw.kcv_method ?? 'cmac',
    cards: { approved: raw.cards?.approved ?? DEFAULT_CARDS.approved, declined: raw.cards?.declined ?? DEFAULT_CARDS.declined },
    embedded: false,
    source: file,
  };
  if (raw.cards?.pending) resolved.cards.pending = raw.cards.pending;
  if (raw.state_url) resolved.stateUrl = raw.state_url;
  if (raw.tokens) resolved.tokens = raw.tokens;
  if (raw.profile === 'viva-interapp') resolved.viva = vivaSettings(source, raw.viva);
  return resolved;
}

/** Reads and resolves a config file. @throws UserError when it cannot be read or is invalid. */
export function loadTargetConfig(file: string, env: NodeJS.ProcessEnv = process.env): ResolvedTarget {
  assertInputFile(file, 'the config file', MAX_YAML_FILE_BYTES);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file });
  }
  return parseTargetConfig(file, text, env);
}
