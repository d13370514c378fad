/** The Viva Terminal inter-app profile's part of a target config: the `viva:` mapping, resolved with defaults. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { inputFileProblem, MAX_KEY_FILE_BYTES } from '../../core/input-file';
import type { ConfigSource } from '../target-side';
import { readProviderPrivateKey } from './protocol/aade';
import { DEFAULT_VIVA_SETTINGS, type VivaSettings } from './settings';

/** The JSON Schema of the `viva:` field. */
export const VIVA_CONFIG_PROPERTIES = {
  viva: {
    type: 'object',
    additionalProperties: false,
    description: 'viva-interapp only, all optional: what the harness puts in the request URIs it sends the terminal.',
    properties: {
      merchant_key: { type: 'string', minLength: 1, description: 'merchantKey of the requests (use ${ENV_VAR}). Never printed. Default: paycert-test-merchant-key.' },
      app_id: { type: 'string', minLength: 1, description: 'appId of the requests. Default: io.paycert.harness.' },
      aade_provider_id: { type: 'string', pattern: '^[0-9]+$', description: "aadeProviderId of the requests with AADE parameters. Default: 999 (the seed's)." },
      aade_private_key: {
        type: 'string',
        minLength: 1,
        description:
          "The AADE provider's EC P-256 private key (PEM, or the path of a PEM file relative to this config) whose public key the terminal verifies signatures with. Never printed. Without it, requests are signed with a key made for the run and the checks that need a trusted key are skipped.",
      },
    },
  },
} as const;

interface RawViva {
  merchant_key?: string;
  app_id?: string;
  aade_provider_id?: string;
  aade_private_key?: string;
}

const KEY_FIX = 'give the path of a PEM file, relative to this config, or the PEM text itself';

/**
 * The Viva settings with defaults filled. `aade_private_key` is PEM text (e.g. from an environment
 * variable) or the path of a PEM file, relative to the config; it must be an EC P-256 private key.
 */
export function resolveVivaSettings(raw: Readonly<Record<string, unknown>>, source: ConfigSource): VivaSettings {
  const viva = (raw.viva ?? {}) as RawViva;
  const settings: VivaSettings = {
    merchantKey: viva.merchant_key ?? DEFAULT_VIVA_SETTINGS.merchantKey,
    appId: viva.app_id ?? DEFAULT_VIVA_SETTINGS.appId,
    aadeProviderId: viva.aade_provider_id ?? DEFAULT_VIVA_SETTINGS.aadeProviderId,
  };
  const key = viva.aade_private_key;
  if (key === undefined) return settings;
  const at = { file: source.file, ...source.locate(['viva', 'aade_private_key']) };
  let pem = key;
  if (!key.includes('-----BEGIN')) {
    const path = resolve(dirname(source.file), key);
    const problem = inputFileProblem(path, MAX_KEY_FILE_BYTES);
    if (problem) throw new UserError(`the file "${key}" ${problem}`, at, 'viva.aade_private_key', KEY_FIX);
    try {
      pem = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read the file "${key}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`, at, 'viva.aade_private_key', KEY_FIX);
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
