/**
 * Reads a target config file (PROFILE section 4): YAML, `${ENV}` expansion in string values,
 * validation against target-config.schema.json with errors that name the field and say the fix,
 * and resolution into a complete ResolvedTarget.
 */
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { isScalar, visit } from 'yaml';
import { UserError, UserErrors } from '../core/errors';
import { assertInputFile, MAX_YAML_FILE_BYTES } from '../core/input-file';
import { profileNamed } from '../profiles';
import { schemaErrors } from '../source/schema-errors';
import { locate, parseYaml, yamlValue, type YamlSource } from '../source/yaml';
import { targetConfigHints, targetConfigSchema } from './config-schema';
import { baseUrlProblem, httpUrlProblem } from './http-url';
import type { ResolvedTarget } from './resolved';

let compiled: { validate: ValidateFunction; hints: Record<string, string> } | undefined;

/** The assembled schema, compiled once, on first use (the registry is complete by then). */
function configValidator(): { validate: ValidateFunction; hints: Record<string, string> } {
  // validateSchema off: our own schema, checked against its meta-schema once by src/own-schemas.test.ts, not at every start (100-500 ms each).
  compiled ??= { validate: new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false }).compile(targetConfigSchema()), hints: targetConfigHints(HINTS) };
  return compiled;
}

const HINTS: Record<string, string> = {
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

/** The fields every profile shares, as the schema accepted them; the profile's own fields are its to read. */
interface RawConfig {
  profile: string;
  base_url: string;
  state_url?: string;
  cards?: { approved?: string; declined?: string; pending?: string };
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
    throw new UserError('a target config is a YAML mapping (profile: ..., base_url: ..., ...)', { file, line: 1, col: 1 });
  }
  expandEnv(source, env);
  const { validate, hints } = configValidator();
  if (!validate(source.value)) {
    const errors = schemaErrors(source, validate.errors ?? [], hints);
    throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
  }
  const raw = source.value as unknown as RawConfig;
  urlErrors(source, raw);
  const profile = profileNamed(raw.profile);
  const published = profile.target.config.publishedCards;
  const settings = profile.target.config.resolve(source.value as Record<string, unknown>, { file, locate: (path) => locate(source, [...path]) });
  const resolved: ResolvedTarget = {
    profile: raw.profile,
    baseUrl: raw.base_url.replace(/\/+$/, ''),
    cards: { approved: raw.cards?.approved ?? published.approved, declined: raw.cards?.declined ?? published.declined },
    settings,
    embedded: false,
    source: file,
  };
  if (raw.cards?.pending) resolved.cards.pending = raw.cards.pending;
  if (raw.state_url) resolved.stateUrl = raw.state_url;
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
