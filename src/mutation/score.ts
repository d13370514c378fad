/**
 * A profile's mutation score after triage: killed / (total - triaged), where a timeout counts as
 * a kill (the mutant hung the target) and Stryker's Ignored mutants are not counted at all.
 * Surviving and uncovered mutants that a triage entry names are triaged; the rest are listed.
 */
import { describeMutant, type Mutant } from './mutants';
import { matches, type TriageEntry } from './triage';

/** Below this (per cent, after triage) a profile fails `npm run mutation`. */
export const SCORE_THRESHOLD = 95;

export interface ProfileSummary {
  profile: string;
  total: number;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  /** RuntimeError and CompileError (the runner's "flaky check" is one): never a kill. */
  errors: Mutant[];
  triaged: { equivalent: number; unobservable: number };
  /** Killed and timed out over the mutants not triaged, in per cent (100 when nothing is left). */
  score: number;
  passed: boolean;
  /** Survived or uncovered and named by no triage entry. */
  untriaged: Mutant[];
  /** Entries about a file of this run that name no surviving mutant; with what they do name, if anything. */
  stale: Array<{ entry: TriageEntry; namesKilled: number }>;
}

const undetected = (m: Mutant) => m.status === 'Survived' || m.status === 'NoCoverage';

export function summarise(profile: string, all: readonly Mutant[], entries: readonly TriageEntry[]): ProfileSummary {
  const mutants = all.filter((m) => m.status !== 'Ignored');
  const files = new Set(all.map((m) => m.file));
  const triaged = { equivalent: 0, unobservable: 0 };
  const used = new Set<TriageEntry>();
  const untriaged: Mutant[] = [];
  for (const m of mutants.filter(undetected)) {
    const entry = entries.find((e) => matches(e, m));
    if (!entry) {
      untriaged.push(m);
      continue;
    }
    triaged[entry.reason] += 1;
    for (const e of entries) if (matches(e, m)) used.add(e);
  }
  const count = (status: Mutant['status']) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timedOut = count('Timeout');
  const counted = mutants.length - triaged.equivalent - triaged.unobservable;
  const score = counted === 0 ? 100 : (100 * (killed + timedOut)) / counted;
  const stale = entries
    .filter((e) => files.has(e.file) && !used.has(e))
    .map((entry) => ({ entry, namesKilled: mutants.filter((m) => !undetected(m) && matches(entry, m)).length }));
  return {
    profile,
    total: mutants.length,
    killed,
    timedOut,
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    errors: mutants.filter((m) => m.status === 'RuntimeError' || m.status === 'CompileError'),
    triaged,
    score,
    passed: score >= SCORE_THRESHOLD,
    untriaged,
    stale,
  };
}

/** Rounds down, so 94.99 never prints as 95.0. */
export const formatScore = (score: number): string => `${(Math.floor(score * 10) / 10).toFixed(1)}%`;

/** The summary as printed by `npm run mutation`: counts, score, then every untriaged survivor grouped by file. */
export function formatSummary(s: ProfileSummary, wallSeconds?: number): string {
  const lines = [
    `${s.profile}: ${formatScore(s.score)} ${s.passed ? 'ok' : `FAILED (below ${SCORE_THRESHOLD}%)`}${wallSeconds === undefined ? '' : ` in ${Math.round(wallSeconds)} s`}`,
    `  mutants ${s.total}: killed ${s.killed}, timed out ${s.timedOut}, survived ${s.survived}, no coverage ${s.noCoverage}, errors ${s.errors.length}; triaged ${s.triaged.equivalent + s.triaged.unobservable} (equivalent ${s.triaged.equivalent}, unobservable ${s.triaged.unobservable})`,
  ];
  if (s.untriaged.length > 0) {
    lines.push(`  untriaged survivors (${s.untriaged.length}):`);
    let file = '';
    for (const m of s.untriaged) {
      if (m.file !== file) lines.push(`    ${(file = m.file)}`);
      lines.push(`      ${describeMutant(m)}${m.status === 'NoCoverage' ? ' [no coverage]' : ''}`);
    }
  }
  for (const m of s.errors) lines.push(`  error: ${describeMutant(m)}: ${m.statusReason ?? ''}`);
  for (const { entry, namesKilled } of s.stale) {
    lines.push(`  stale triage entry ${entry.at} (${entry.file}${entry.in ? ` in ${entry.in}` : ''}${entry.original ? `: ${entry.original}` : ''})${namesKilled > 0 ? `: a check now kills the ${namesKilled} mutant(s) it names; remove it` : ': it names no mutant'}`);
  }
  return lines.join('\n');
}
