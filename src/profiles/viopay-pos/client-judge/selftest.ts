/**
 * The client judge's selftest: the correct app and every legal variation must pass every check;
 * each faulty app must fail exactly the checks it lists, with the diagnosis it names. Each app
 * runs against its own judge (a fresh session) on an ephemeral port, closed after.
 */
import type { CheckResult } from '../../../core/types';
import { runFlow } from './client-flow';
import { CORRECT_CLIENT, FAULTY_CLIENTS, LEGAL_CLIENTS, type CatalogueClient, type FaultyClient } from './faulty-clients';
import { startClientJudge } from './server';

export interface ClientVerdict {
  results: CheckResult[];
  /** Ids of the checks that failed or warned, sorted. */
  failing: string[];
  /** The diagnosis names given on the session's signature failures (each once). */
  diagnoses: string[];
}

/** Runs one catalogued app's flow against a fresh judge and judges the session. */
export async function judgeClient(client: CatalogueClient): Promise<ClientVerdict> {
  const judge = await startClientJudge();
  try {
    await runFlow(judge.url, judge.keys, client.behaviour);
    const results = judge.session.results();
    const failing = results.filter((r) => r.status === 'failed' || r.status === 'warning').map((r) => r.check.id).sort();
    const diagnoses = [...new Set(judge.session.judged.flatMap((j) => j.breaches.flatMap((b) => (b.judgement.diagnosis ? [b.judgement.diagnosis.mistake] : []))))];
    return { results, failing, diagnoses };
  } finally {
    await judge.close();
  }
}

export interface SelftestRow {
  client: string;
  kind: 'correct' | 'legal' | 'faulty';
  expected: string;
  got: string;
  ok: boolean;
}

function expectation(client: FaultyClient): string {
  return client.expectedChecks.join(', ') + (client.expectedDiagnosis ? ` (diagnosis ${client.expectedDiagnosis})` : '');
}

/** True when a faulty app failed exactly its checks and (for a signature mistake) got its diagnosis. */
export function caughtRight(client: FaultyClient, verdict: ClientVerdict): boolean {
  const exact = verdict.failing.join(',') === [...client.expectedChecks].sort().join(',');
  return exact && (client.expectedDiagnosis === undefined || (verdict.diagnoses.length === 1 && verdict.diagnoses[0] === client.expectedDiagnosis));
}

/**
 * Every catalogued app against the judge. `caught`/`total`: faulty apps judged failing with the
 * right checks and diagnosis; `correctPassed`: the correct app and every legal variation passed
 * every check they exercised.
 */
export async function clientSelftest(): Promise<{ caught: number; total: number; correctPassed: boolean; rows: SelftestRow[] }> {
  const rows: SelftestRow[] = [];
  let correctPassed = true;
  for (const [kind, client] of [['correct', CORRECT_CLIENT] as const, ...LEGAL_CLIENTS.map((c) => ['legal', c] as const)]) {
    const verdict = await judgeClient(client);
    const ok = verdict.failing.length === 0;
    correctPassed &&= ok;
    rows.push({ client: client.name, kind, expected: 'every check passes', got: ok ? 'every check passes' : `failed ${verdict.failing.join(', ')}`, ok });
  }
  let caught = 0;
  for (const client of FAULTY_CLIENTS) {
    const verdict = await judgeClient(client);
    const ok = caughtRight(client, verdict);
    if (ok) caught++;
    const got = verdict.failing.length === 0 ? 'every check passes' : verdict.failing.join(', ') + (verdict.diagnoses.length ? ` (diagnosis ${verdict.diagnoses.join(', ')})` : '');
    rows.push({ client: client.name, kind: 'faulty', expected: expectation(client), got, ok });
  }
  return { caught, total: FAULTY_CLIENTS.length, correctPassed, rows };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `paycert selftest`'s part for the client judge: its score line and its section of selftest.md. */
export async function clientSelftestPart(): Promise<{ passed: boolean; score: string; markdown: string }> {
  const { caught, total, correctPassed, rows } = await clientSelftest();
  const passed = correctPassed && caught === total;
  const apps = rows.filter((r) => r.kind !== 'faulty');
  const score = `${passed ? 'PASSED' : 'FAILED'} - faulty POS apps caught ${caught}/${total}, correct and legal apps passed ${apps.filter((r) => r.ok).length}/${apps.length}`;
  const markdown = [
    '## Client judge (`paycert client`)',
    '',
    `**${score}**`,
    '',
    'Each catalogued POS app runs the same flow against a fresh judge; a faulty app must fail exactly',
    'the checks listed (and, for a signature mistake, get the diagnosis named); the correct app and',
    'every legal variation must pass every check.',
    '',
    '| app | kind | expected | got | result |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.client}\` | ${r.kind} | ${cell(r.expected)} | ${cell(r.got)} | ${r.ok ? '✔' : '✘'} |`),
    '',
  ].join('\n');
  return { passed, score, markdown };
}
