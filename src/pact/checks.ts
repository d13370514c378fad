/**
 * The contract's interactions as checks of `paycert run` (tag `pact`; `--no-pact` leaves them out).
 * One verification of the whole contract serves every interaction's check of a run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Check } from '../checks/check';
import type { CheckInfo, CheckResult } from '../core/types';
import { clauseById } from '../profiles';
import type { ScenarioEnv } from '../scenario/run-scenario';
import { verifyInChild, VerificationStopped } from './child';
import { contractProfile, needsStateHook, paycertInteractions, readContract } from './contract-file';
import type { InteractionVerdict } from './verify';

const runs = new Map<string, Promise<InteractionVerdict[]>>();

function verdictsFor(file: string, env: ScenarioEnv): Promise<InteractionVerdict[]> {
  const key = `${file}\u0000${env.target.baseUrl}\u0000${env.runId}`;
  let run = runs.get(key);
  if (!run) runs.set(key, (run = verifyInChild(file, env.target, env.timeoutMs, env.maxAnswerBytes)));
  return run;
}

/** The checks of a contract file; `entry` is the jest test file that runs them (contracts/pact.contract.ts). */
export function pactChecksOf(file: string, entry = join(dirname(file), 'pact.contract.ts')): Check[] {
  const contract = readContract(file);
  const profile = contractProfile(contract);
  return paycertInteractions(contract).map((i) => {
    const c = i.comments.paycert;
    const info: CheckInfo = {
      id: profile.contract.checkId(c.interaction),
      title: profile.contract.checkTitle(i.description),
      level: c.check.level,
      ref: { clause: c.check.clause, seed: clauseById(c.check.clause)?.seed ?? '' },
      tags: ['pact', 'contract'],
      needs: needsStateHook(i, profile.contract) ? ['state_hook'] : [],
      source: { file: relative(process.cwd(), file) || file, line: 1 },
    };
    const run = async (env: ScenarioEnv): Promise<CheckResult> => {
      const started = performance.now();
      let verdicts: InteractionVerdict[];
      try {
        verdicts = await verdictsFor(file, env);
      } catch (error) {
        // Stopped at its deadline or memory cap: what the target did, so the interaction fails (an error that is paycert's own still throws).
        if (!(error instanceof VerificationStopped)) throw error;
        return { check: info, status: info.level === 'MUST' ? 'failed' : 'warning', durationMs: performance.now() - started, failure: { checkId: info.id, title: info.title, level: info.level, message: `interaction "${i.description}": ${error.message}` } };
      }
      const verdict = verdicts.find((v) => v.id === c.interaction);
      const durationMs = performance.now() - started;
      if (!verdict) return { check: info, status: 'failed', durationMs, failure: { checkId: info.id, title: info.title, level: info.level, message: 'the verification did not report this interaction' } };
      if (verdict.status === 'skipped') return { check: info, status: 'skipped', durationMs, skipReason: verdict.messages[0] ?? '' };
      if (verdict.status === 'passed') return { check: info, status: 'passed', durationMs };
      const message = `interaction "${verdict.description}": ${verdict.messages.join('; ')}`;
      return { check: info, status: info.level === 'MUST' ? 'failed' : 'warning', durationMs, failure: { checkId: info.id, title: info.title, level: info.level, message, replay: { command: `paycert pact verify --pact ${info.source!.file}` } } };
    };
    return { info, profile: profile.name, file: entry, run };
  });
}

/** The contracts paycert verifies in a run: every `*.json` of contracts/. */
export function contractFiles(root: string): string[] {
  const dir = join(root, 'contracts');
  return readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => join(dir, n));
}
