/** The target side of the Viva Terminal inter-app protocol profile (src/profiles/target-side.ts). */
import type { ResolvedTarget } from '../../config/resolved';
import { variantNamed, type ReferenceStartOptions, type StartedReference, type TargetSide } from '../target-side';
import { resolveVivaSettings, VIVA_CONFIG_PROPERTIES } from './config';
import { readAadeKey, VIVA_COMMAND } from './lint-command';
import { vivaPreflight } from './preflight';
import { DEFAULT_VIVA_SETTINGS, vivaSettingsOf, type VivaSettings } from './settings';
import { INTERAPP_PATH } from './protocol/adapter';
import { makeProviderKeys } from './terminal/provider-key';
import type { TerminalRules } from './terminal/rules';
import { sampleBook } from './terminal/sample-book';
import { startTerminalSimulator } from './terminal/server';
import { TERMINAL_FAULTS, TERMINAL_FAULTS_BY_NAME } from './terminal/variants';
import { TERMINAL_VARIATIONS, TERMINAL_VARIATIONS_BY_NAME } from './terminal/variations';

const PUBLISHED_CARDS = { approved: '4111111111111111', declined: '4000000000000002' };

/** The simulator's rules for a fault and/or legal variations of its catalogue. */
function variantRules(faultName: string | undefined, variations: readonly string[]): Partial<TerminalRules> {
  const rules: Partial<TerminalRules> = {};
  for (const name of variations) Object.assign(rules, variantNamed('Viva terminal variation', TERMINAL_VARIATIONS_BY_NAME, name).rules);
  if (faultName !== undefined) Object.assign(rules, variantNamed('Viva terminal fault', TERMINAL_FAULTS_BY_NAME, faultName).rules);
  return rules;
}

/**
 * Started by the harness (no `serveOptions`): the simulator trusts a provider key made for this
 * start, which the resolved target signs with, so the signature checks run too. Started for a user
 * (`paycert serve`): the book and the provider key the user gave, if any.
 */
async function start(given: ReferenceStartOptions = {}): Promise<StartedReference> {
  const rules = variantRules(given.fault, given.variations ?? []);
  const served = given.serveOptions;
  const bookFile = served?.book;
  const keyFile = served?.['aade-public-key'];
  // Loaded for a user's book only: the book reader brings the YAML parser, which a run's processes (a Pact child) never use.
  const book = bookFile === undefined ? sampleBook() : (await import('./terminal/book')).readBook(bookFile);
  const keys = served ? undefined : makeProviderKeys();
  const aadeKey = keys?.publicKey ?? (keyFile === undefined ? undefined : readAadeKey(keyFile));
  const running = await startTerminalSimulator({ book, aadeKey, rules, ...(given.port !== undefined && { port: given.port }), ...(given.host !== undefined && { host: given.host }) });
  const settings: VivaSettings = { ...DEFAULT_VIVA_SETTINGS, ...(keys && { aadePrivateKeyPem: keys.privatePem }) };
  const target: ResolvedTarget<VivaSettings> = { profile: 'viva-interapp', baseUrl: running.url, stateUrl: running.stateUrl, cards: { ...PUBLISHED_CARDS }, settings, embedded: true, source: 'embedded Viva terminal simulator' };
  const variations = given.variations ?? [];
  const banner =
    `paycert Viva Terminal simulator listening on ${running.url}\n` +
    `  adapter: POST ${running.url}${INTERAPP_PATH} {"uri": "vivapayclient://pay/v1?..."} -> {"callback": "..."}\n` +
    `  state hook: ${running.stateUrl} (state "viva transaction exists")\n` +
    `  terminal ${book.terminal.tid}, ${book.transactions.length} transactions (${bookFile ?? 'the built-in sample book'})\n` +
    (aadeKey && !keys ? '  AADE signatures verified with the given provider key\n' : '') +
    (given.fault ? `  FAULT ${given.fault}\n` : '') +
    (variations.length ? `  variations: ${variations.join(',')}\n` : '') +
    `  certify it: npx paycert run --profile viva-interapp --target ${running.url}\n`;
  return { url: running.url, stateUrl: running.stateUrl, target, banner, close: () => running.close() };
}

export const targetSide: TargetSide<VivaSettings> = {
  referenceTitle: 'the Viva terminal simulator',
  helpNote: 'a Viva terminal through its adapter',
  config: {
    properties: VIVA_CONFIG_PROPERTIES,
    resolve: resolveVivaSettings,
    published: () => ({ ...DEFAULT_VIVA_SETTINGS }),
    publishedCards: PUBLISHED_CARDS,
    disclose: (s) => ({
      secrets: [s.merchantKey, s.aadePrivateKeyPem ?? ''].filter((t) => t.length > 0),
      secretBytes: [],
      identity: {},
      fingerprint: { viva: { appId: s.appId, aadeProviderId: s.aadeProviderId, aadeKey: s.aadePrivateKeyPem !== undefined } },
    }),
  },
  start,
  serveOptions: {
    book: "the simulator's transaction book (YAML; default: a built-in sample, dated from now; see README.md)",
    'aade-public-key': 'verify AADE signatures with this provider key (PEM)',
  },
  catalogue: { faults: TERMINAL_FAULTS, variations: TERMINAL_VARIATIONS },
  preflight: (target, budget) => vivaPreflight(target, vivaSettingsOf(target), budget),
  commands: [VIVA_COMMAND],
  mutate: (source) => [
    'src/profiles/viva-interapp/terminal/rules.ts',
    'src/profiles/viva-interapp/terminal/handle.ts',
    // The search precedence of PROFILE 3 lives in the URI model, but only the simulator calls it.
    source.functionRange('src/profiles/viva-interapp/protocol/request.ts', 'searchKeyOf'),
    // The request checks the simulator enforces (level MUST: see `firstMustProblem` in terminal/rules.ts): their
    // `level` and their `run`. Their id, title and clause only name the check in `paycert viva lint`'s output.
    ...source.mustRuleRanges('src/profiles/viva-interapp/protocol/lint/checks'),
    '!**/*.test.ts',
  ],
};
