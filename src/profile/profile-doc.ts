/**
 * docs/profile.md: the rules paycert certifies, written from the clause list every check cites, so
 * a clone of the repository holds what a target is held to (the seeds and PROFILE.md live outside
 * it). A test keeps the committed file equal to what this writes.
 */
import { POS_CLAUSES, VIVA_CLAUSES, VPWS_CLAUSES, type Clause } from './clauses';

/** The seed documents the clauses come from (PROFILE.md's table). */
const SEEDS: ReadonlyArray<[file: string, api: string, what: string]> = [
  ['002_ab239a52e75d4602.txt', 'Viopay POS', 'Create POS Charge (`POST /pos/charge`) and the signing scheme'],
  ['001_5e9c28d058e0fa3b.txt', 'Viopay POS', 'Refund POS Charge (`POST /pos/charge/{chargeID}/refund`)'],
  ['000_2b9c11a22d8f1d3c.txt', 'Viopay POS', 'Cancel / Reverse POS Charge (`POST /pos/charge/{chargeID}/cancel` and `/reverse`)'],
  ['004_42d678b659d40524.txt', 'VPWS', 'Dealer Payment Cancellation (`POST /vpws/payment/cancel`, Bearer token)'],
  ['003_d27c3242387cebe6.txt', 'Viva Terminal', 'Cancel/Refund inter-app request (a `vivapayclient://` URI and a callback URI)'],
];

const SECTION_TITLES: Record<string, string> = {
  '1.1': 'Requests',
  '1.2': 'Signature',
  '1.3': 'MSK envelope (TR31-DATA)',
  '1.4': 'Errors',
  '1.5': 'Create charge',
  '1.6': 'Refund',
  '1.7': 'Cancel / reverse',
  '2': 'VPWS dealer payment cancellation',
  '3': 'Viva Terminal cancel/refund inter-app request',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(clauses: readonly Clause[], withSide = false): string[] {
  const head = withSide ? ['| clause | level | binds | seed | rule |', '|---|---|---|---|---|'] : ['| clause | level | seed | rule |', '|---|---|---|---|'];
  const rows = clauses.map((c) => {
    const side = c.side === 'client' ? 'client app (`paycert viva lint`)' : c.side === 'terminal' ? 'terminal' : 'both';
    return withSide ? `| \`${c.id}\` | ${c.level} | ${side} | \`${c.seed}\` | ${cell(c.text)} |` : `| \`${c.id}\` | ${c.level} | \`${c.seed}\` | ${cell(c.text)} |`;
  });
  return [...head, ...rows];
}

function bySection(clauses: readonly Clause[]): string[] {
  const sections = [...new Set(clauses.map((c) => c.section))];
  return sections.flatMap((section) => [`### ${section} ${SECTION_TITLES[section] ?? ''}`.trimEnd(), '', ...table(clauses.filter((c) => c.section === section)), '']);
}

/** The whole of docs/profile.md. */
export function profileMarkdown(): string {
  return [
    '# The rules paycert certifies',
    '',
    '<!-- Written by src/profile/profile-doc.ts from src/profile/clauses.ts; `npm test` fails when this file differs. Do not edit by hand. -->',
    '',
    'Three payment APIs are described in prose documents (the *seeds*). The project reads them one way',
    '(its *PROFILE*), fixing every gap, and each rule of that reading is a **clause** with a stable id.',
    'Every check paycert runs cites one clause (`ref.clause` in a scenario, `clause` in a probe or a',
    'property); the coverage table of every report is built from this list. Where PROFILE is silent,',
    "paycert's own choices are in [profile-decisions.md](profile-decisions.md): a check never fails a",
    'target for choosing differently on any of those.',
    '',
    '**Levels.** MUST: a seed states it, or the API cannot work without it; a failure fails',
    'certification. SHOULD: security or interoperability practice the seeds imply; a failure is a',
    'warning (with `--strict` it fails). MAY: the seeds allow more than one behaviour; paycert accepts',
    'every one and never fails a target for choosing one of them. A check that needs something the',
    'target did not provide (a state hook) is skipped, with the reason, never passed.',
    '',
    '## The seeds',
    '',
    '| seed file | API | what it describes |',
    '|---|---|---|',
    ...SEEDS.map(([file, api, what]) => `| \`${file}\` | ${api} | ${what} |`),
    '',
    '## 1. Viopay POS API',
    '',
    ...bySection(POS_CLAUSES),
    '## 2. VPWS Dealer Payment Cancellation',
    '',
    ...table(VPWS_CLAUSES),
    '',
    '## 3. Viva Terminal Cancel/Refund inter-app request',
    '',
    'There is no HTTP API: a client app opens a request URI and the terminal answers with a callback',
    'URI. The client side is judged by `paycert viva lint`, the terminal side by a run against the',
    "terminal's inter-app adapter (`POST {base_url}/interapp` with `{\"uri\"}`, answered `{\"callback\"}`).",
    '',
    ...table(VIVA_CLAUSES, true),
    '',
    '## 4. How paycert reaches a target',
    '',
    'A target is described by a YAML file (README, "Certify your own target"): `profile`, `base_url`,',
    '`terminal_id`, `key_id`, `hmac_secret`, `msk`, `kcv_method` (cmac or legacy), `state_url`, `cards`',
    '(`approved`, `declined`, `pending`), for VPWS `tokens` (`dealer_a`, `dealer_b`), for a Viva terminal',
    '`viva` (`merchant_key`, `app_id`, `aade_provider_id`, `aade_private_key`); secrets may be `${ENV_VAR}`.',
    '',
    '**State hook.** Checks that need a state no public call reaches use `POST {state_url}` with',
    '`{"action":"setup","state":NAME,"params":{...}}` (the provider-state format Pact uses), answered 2xx',
    'with a JSON object of values the target generated: `charge is settled` (`charge_id`), `vpws transaction',
    'exists` (`referenceCode`, `dealer`, `transactionStatusId`, `amount`, optional `provisionExpired`),',
    '`viva transaction exists` (`amount`, optional `daysAgo`, `terminal`, `type`; answers `orderCode`,',
    '`shortOrderCode`, `stan`, `tid`, `date`). Without a state URL, the checks that need one are skipped.',
    '',
  ].join('\n');
}
