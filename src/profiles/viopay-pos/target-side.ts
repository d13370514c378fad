/** The target side of the Viopay POS API profile (src/profiles/target-side.ts). */
import type { ResolvedTarget } from '../../config/resolved';
import type { KcvMethod } from '../../crypto/kcv';
import { variantNamed, type ReferenceStartOptions, type StartedReference, type TargetSide } from '../target-side';
import { CLIENT_COMMAND } from './client-command';
import { posPreflight } from './preflight';
import { posSettingsOf, publishedPosSettings, type PosSettings } from './settings';
import { REFERENCE_CREDENTIALS, type TargetOptionsInput } from './target/options';
import { startReferenceTarget } from './target/server';
import { FAULTS, LEGAL_VARIATIONS } from './target/variants';

const PUBLISHED_CARDS = { approved: '4111111111111111', declined: '4000000000000002', pending: '4000000000000051' };
const HINT = 'see reports/selftest.md or src/profiles/viopay-pos/target/variants/';

/** Target options for legal variations together (later ones win where they overlap), and the KCV method they declare. */
function variationOptions(names: readonly string[]): { options: TargetOptionsInput; kcvMethod?: KcvMethod } {
  const options: TargetOptionsInput = {};
  let kcvMethod: KcvMethod | undefined;
  for (const name of names) {
    const v = variantNamed('variation', LEGAL_VARIATIONS, name, HINT);
    Object.assign(options, { ...v.options, may: { ...options.may, ...v.options.may }, liberties: { ...options.liberties, ...v.options.liberties } });
    kcvMethod = v.declares?.kcvMethod ?? kcvMethod;
  }
  return kcvMethod === undefined ? { options } : { options, kcvMethod };
}

async function start(given: ReferenceStartOptions = {}): Promise<StartedReference> {
  const broken = given.fault === undefined ? undefined : variantNamed('fault', FAULTS, given.fault, HINT);
  const variations = given.variations ?? [];
  const { options, kcvMethod } = variationOptions(variations);
  const running = await startReferenceTarget({
    ...(given.quick && { gatewayLatencyMs: 1 }),
    ...options,
    ...(broken && { ...broken.conditions, rules: broken.rules }),
    ...(given.port !== undefined && { port: given.port }),
    ...(given.host !== undefined && { host: given.host }),
  });
  const target: ResolvedTarget<PosSettings> = {
    profile: 'viopay-pos',
    baseUrl: running.url,
    cards: { ...PUBLISHED_CARDS },
    settings: { ...publishedPosSettings(), ...(kcvMethod && { kcvMethod }) },
    embedded: true,
    source: 'embedded reference target',
  };
  if (running.stateUrl) target.stateUrl = running.stateUrl;
  const banner =
    `paycert reference target (Viopay POS) listening on ${running.url}\n` +
    `  state hook: ${running.stateUrl}\n` +
    `  terminal ${REFERENCE_CREDENTIALS.terminalId}, key id ${REFERENCE_CREDENTIALS.keyId}; secret and MSK: the published test values (README.md)\n` +
    (broken ? `  FAULT ${broken.name}: ${broken.title} (breaks ${broken.level} ${broken.clause})\n` : '') +
    (variations.length ? `  variations: ${variations.join(', ')}\n` : '') +
    `  certify it: npx paycert run --target ${running.url}\n`;
  return { url: running.url, ...(running.stateUrl !== undefined && { stateUrl: running.stateUrl }), target, banner, close: () => running.close() };
}

export const targetSide: TargetSide<PosSettings> = {
  referenceTitle: 'Viopay POS',
  config: {
    properties: {
      terminal_id: { type: 'string', minLength: 1, description: 'X-Terminal-Id the harness signs as.' },
      key_id: { type: 'string', minLength: 1, description: 'X-Key-Id of the HMAC secret.' },
      hmac_secret: { type: 'string', minLength: 1, description: 'The HMAC secret (use ${ENV_VAR}). Never printed.' },
      msk: { type: 'string', pattern: '^[0-9A-Fa-f]{64}$', description: "The terminal's AES-256 MSK as 64 hex digits (use ${ENV_VAR}). Never printed." },
      kcv_method: { enum: ['cmac', 'legacy'], description: 'How the target computes key_kcv (default cmac).' },
    },
    requires: { required: ['terminal_id', 'key_id', 'hmac_secret', 'msk'] },
    hints: { msk: 'must be 64 hex digits (the 32-byte AES-256 MSK)' },
    resolve(raw) {
      const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
      return {
        terminalId: text('terminal_id'),
        keyId: text('key_id'),
        hmacSecret: text('hmac_secret'),
        msk: Buffer.from(text('msk'), 'hex'),
        kcvMethod: raw.kcv_method === 'legacy' ? 'legacy' : 'cmac',
      };
    },
    published: publishedPosSettings,
    publishedCards: PUBLISHED_CARDS,
    disclose: (s) => ({
      secrets: [s.hmacSecret],
      secretBytes: [s.msk],
      identity: { terminalId: s.terminalId, keyId: s.keyId, kcvMethod: s.kcvMethod },
      fingerprint: {},
    }),
  },
  start,
  catalogue: { faults: [...FAULTS.values()], variations: [...LEGAL_VARIATIONS.values()] },
  preflight: (target, budget) => posPreflight(target, posSettingsOf(target), budget),
  commands: [CLIENT_COMMAND],
  // The client judge loads when the selftest runs it, not with the registry (every process loads that).
  extraSelftests: [{ title: 'client judge: correct, legal and faulty POS apps', run: async () => (await import('./client-judge/selftest')).clientSelftestPart() }],
  mutate: () => [
    'src/profiles/viopay-pos/target/rules/**/*.ts',
    'src/profiles/viopay-pos/target/operations/*.ts',
    // The pipeline's order is a rule (PROFILE 1.2: signature before the body).
    'src/profiles/viopay-pos/target/handle.ts',
    // refundedMinor: the refund total of PROFILE 1.6.
    'src/profiles/viopay-pos/target/store.ts',
    // The status and code of each refusal (PROFILE 1.4).
    'src/profiles/viopay-pos/target/rejection.ts',
    // The critical section that keeps concurrent refunds within the charge (PROFILE 1.6).
    'src/target-kit/lock.ts',
    '!**/*.test.ts',
  ],
};
