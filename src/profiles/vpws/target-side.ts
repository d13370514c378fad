/** The target side of the VPWS Dealer Payment Cancellation API profile (src/profiles/target-side.ts). */
import type { ResolvedTarget } from '../../config/resolved';
import { variantNamed, type ReferenceStartOptions, type StartedReference, type TargetSide } from '../target-side';
import { vpwsPreflight } from './preflight';
import { publishedVpwsSettings, vpwsSettingsOf, type VpwsSettings } from './settings';
import { VPWS_REFERENCE_TOKENS, type VpwsTargetOptionsInput } from './target/options';
import { startVpwsTarget } from './target/server';
import { VPWS_FAULTS, VPWS_FAULTS_BY_NAME, VPWS_VARIATIONS, VPWS_VARIATIONS_BY_NAME } from './target/variants';

const PUBLISHED_CARDS = { approved: '4111111111111111', declined: '4000000000000002' };

/** Target options for a fault and/or legal variations of the VPWS catalogue (later variations win where they overlap). */
function variantOptions(faultName: string | undefined, variations: readonly string[]): VpwsTargetOptionsInput {
  const options: VpwsTargetOptionsInput = {};
  for (const name of variations) {
    const v = variantNamed('VPWS variation', VPWS_VARIATIONS_BY_NAME, name).options;
    Object.assign(options, { ...v, may: { ...options.may, ...v.may }, liberties: { ...options.liberties, ...v.liberties } });
  }
  if (faultName !== undefined) options.rules = variantNamed('VPWS fault', VPWS_FAULTS_BY_NAME, faultName).rules;
  return options;
}

async function start(given: ReferenceStartOptions = {}): Promise<StartedReference> {
  const options = variantOptions(given.fault, given.variations ?? []);
  const running = await startVpwsTarget({
    ...(given.quick && { gatewayLatencyMs: 1 }),
    ...options,
    ...(given.port !== undefined && { port: given.port }),
    ...(given.host !== undefined && { host: given.host }),
  });
  const target: ResolvedTarget<VpwsSettings> = {
    profile: 'vpws',
    baseUrl: running.url,
    cards: { ...PUBLISHED_CARDS },
    settings: publishedVpwsSettings(),
    embedded: true,
    source: 'embedded VPWS reference target',
  };
  if (running.stateUrl) target.stateUrl = running.stateUrl;
  const banner =
    `paycert reference target (VPWS dealer payment cancellation) listening on ${running.url}\n` +
    `  state hook: ${running.stateUrl}\n` +
    `  dealer tokens: the published test values (README.md): dealer_a ${VPWS_REFERENCE_TOKENS.dealer_a.slice(0, 12)}..., dealer_b ${VPWS_REFERENCE_TOKENS.dealer_b.slice(0, 12)}...\n` +
    (given.fault ? `  FAULT ${given.fault}\n` : '') +
    `  certify it: npx paycert run --profile vpws --target ${running.url}\n`;
  return { url: running.url, ...(running.stateUrl !== undefined && { stateUrl: running.stateUrl }), target, banner, close: () => running.close() };
}

export const targetSide: TargetSide<VpwsSettings> = {
  referenceTitle: 'VPWS',
  config: {
    properties: {
      tokens: {
        type: 'object',
        additionalProperties: false,
        properties: { dealer_a: { type: 'string', minLength: 1 }, dealer_b: { type: 'string', minLength: 1 } },
      },
    },
    requires: { required: ['tokens'], properties: { tokens: { required: ['dealer_a', 'dealer_b'] } } },
    resolve(raw) {
      const tokens = (raw.tokens ?? {}) as VpwsSettings['tokens'];
      return { tokens: { ...tokens } };
    },
    published: publishedVpwsSettings,
    publishedCards: PUBLISHED_CARDS,
    disclose: (s) => ({
      secrets: Object.values(s.tokens).filter((t): t is string => typeof t === 'string'),
      secretBytes: [],
      identity: {},
      fingerprint: { tokens: Object.keys(s.tokens).sort() },
    }),
  },
  start,
  catalogue: { faults: VPWS_FAULTS, variations: VPWS_VARIATIONS },
  preflight: (target, budget) => vpwsPreflight(target, vpwsSettingsOf(target), budget),
  // shape.ts is not here: only the target's tests call it; no answer goes through it. Nor is
  // wire.ts: how the JSON goes on the wire (the liberties of any HTTP server), no PROFILE rule.
  mutate: () => ['src/profiles/vpws/target/rules.ts', 'src/profiles/vpws/target/handle.ts', 'src/profiles/vpws/target/refusals.ts', 'src/profiles/vpws/target/answer.ts', '!**/*.test.ts'],
};
