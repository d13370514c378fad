/**
 * `paycert pact verify`: verifies a contract against any target with pact-js's Verifier from a
 * local file (no broker), through the request filter and the provider states of the contract's
 * profile, and adds the profile's own check of each answer (what Pact's matchers cannot see, such
 * as an encrypted body's plaintext). One verdict per interaction, named by its description.
 */
import './no-tracking';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The Verifier alone: the package's index also loads the consumer DSL, GraphQL and the matchers
// (about 0.35 CPU-s of a verification child's start).
import { Verifier } from '@pact-foundation/pact/src/dsl/verifier';
import type { ResolvedTarget } from '../config/resolved';
import type { Level } from '../core/types';
import { contractProfile, needsStateHook, paycertInteractions, readContract, type PaycertComment } from './contract-file';
import { requestFilter, type Observation } from './filter';
import { startGuard } from './guard';
import { guardedStates } from './states';

export interface InteractionVerdict {
  id: string;
  description: string;
  level: Level;
  clause: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed (Pact's mismatches and paycert's decrypted check) or was skipped. */
  messages: string[];
}

interface PactResult {
  description: string;
  result?: string;
  mismatch?: { mismatches?: Array<{ mismatch?: string; path?: string; type?: string }>; message?: string };
}

/** Pact's per-interaction results, from the verifier's error (on failure) or none (all passed). */
function pactResults(error: unknown): PactResult[] {
  const text = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(text) as { interactionResults?: PactResult[] }).interactionResults ?? [];
  } catch {
    throw new Error(`the Pact verifier failed: ${text.split('\n')[0]}`);
  }
}

/**
 * Verifies `file` against `target` within the run's budgets: every request (the verifier's, through
 * the guard of guard.ts, and the state handlers') ends within `timeoutMs`, reads at most
 * `maxAnswerBytes`, and once the target stops answering the rest fail at once.
 */
export async function verifyContract(file: string, target: ResolvedTarget, timeoutMs = 10_000, maxAnswerBytes?: number): Promise<InteractionVerdict[]> {
  const contract = readContract(file);
  const ours = paycertInteractions(contract);
  const side = contractProfile(contract).contract;
  const runnable = ours.filter((i) => target.stateUrl || !needsStateHook(i, side));
  const verdicts = new Map<string, InteractionVerdict>();
  for (const i of ours) {
    const c = i.comments.paycert;
    verdicts.set(c.interaction, { id: c.interaction, description: i.description, level: c.check.level, clause: c.check.clause, status: 'passed', messages: [] });
  }
  for (const i of ours.filter((x) => !runnable.includes(x))) {
    Object.assign(verdicts.get(i.comments.paycert.interaction)!, { status: 'skipped', messages: ['needs a state hook: set state_url in the target config (PROFILE section 4)'] });
  }
  if (runnable.length === 0) return [...verdicts.values()];

  // Verify only what can be set up: a copy of the contract without the interactions skipped above.
  const dir = mkdtempSync(join(tmpdir(), 'paycert-verify-'));
  const pactFile = join(dir, 'contract.json');
  writeFileSync(pactFile, JSON.stringify({ ...contract, interactions: runnable }));
  const byId = new Map<string, PaycertComment>(runnable.map((i) => [i.comments.paycert.interaction, i.comments.paycert]));
  const observed = new Map<string, Observation>();
  const budget = { timeoutMs, ...(maxAnswerBytes !== undefined && { maxAnswerBytes }) };
  const verifier = side.verifier(target, budget);
  const guard = await startGuard(target.baseUrl, budget);
  let results: PactResult[] = [];
  try {
    await new Verifier({
      providerBaseUrl: guard.url,
      pactUrls: [pactFile],
      logLevel: 'error',
      // The guard answers within timeoutMs; a state setup makes two requests.
      timeout: timeoutMs * 3,
      stateHandlers: guardedStates(verifier.states, guard.circuit) as never,
      requestFilter: requestFilter(verifier, byId, observed) as never,
    }).verifyProvider();
  } catch (error) {
    results = pactResults(error);
  } finally {
    // Every run verifies: a copy left behind per run would pile up in the temp folder of a CI agent.
    rmSync(dir, { recursive: true, force: true });
    await guard.close();
  }
  for (const i of runnable) {
    const c = i.comments.paycert;
    const verdict = verdicts.get(c.interaction)!;
    const found = results.find((r) => r.description === i.description);
    const pact = found && !/^ok$/i.test(found.result ?? '') ? found : undefined;
    if (pact) {
      const mismatches = pact.mismatch?.mismatches?.map((m) => `${m.path ? `${m.path}: ` : ''}${m.mismatch ?? m.type}`) ?? [pact.mismatch?.message ?? 'failed'];
      verdict.messages.push(...mismatches.map((m) => `Pact: ${m}`));
    }
    const seen = observed.get(c.interaction);
    if (!seen && !pact) verdict.messages.push('the request never reached the target through the verifier');
    if (seen) verdict.messages.push(...seen.problems);
    if (verdict.messages.length) verdict.status = 'failed';
  }
  return [...verdicts.values()];
}
