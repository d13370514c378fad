/**
 * A failed scenario keeps its whole step sequence: each step's request and answer, the failing
 * one last (and in `exchange`), state hook calls included; a one-step failure keeps only `exchange`.
 */
import { join } from 'node:path';
import type { ResolvedTarget } from '../config/resolved';
import type { Failure } from '../core/types';
import { PATHS } from '../profile/pos';
import { FAULTS } from '../profiles/viopay-pos/target/variants';
import { startReference, type Reference } from '../profiles/viopay-pos/testing/reference';
import { loadScenarioFile } from './load';
import { envFor } from './env';
import { runScenario, type ScenarioEnv } from './run-scenario';

const SPECS = join(__dirname, '..', '..', 'specs');

function scenario(file: string, id: string) {
  const found = loadScenarioFile(join(SPECS, file)).find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id} in ${file}`);
  return found;
}

async function failureAgainst(fault: string, file: string, id: string): Promise<Failure | undefined> {
  const ref: Reference = await startReference({ rules: FAULTS.get(fault)!.rules });
  try {
    const creds = ref.client.credentials;
    const settings = { terminalId: creds.terminalId, keyId: creds.keyId, hmacSecret: creds.hmacSecret, msk: creds.msk, kcvMethod: 'cmac' as const };
    const target: ResolvedTarget = { profile: 'viopay-pos', baseUrl: ref.target.url, settings, cards: { ...ref.target.options.cards }, embedded: true, source: 'test' };
    if (ref.target.stateUrl) target.stateUrl = ref.target.stateUrl;
    const env: ScenarioEnv = envFor(target, `t${Date.now()}`, 5000);
    return (await runScenario(scenario(file, id), env)).failure;
  } finally {
    await ref.close();
  }
}

describe('runScenario: the step sequence of a failure', () => {
  it('records every step of a multi-step failure with its request and answer, the failing step last', async () => {
    // Act
    const failure = await failureAgainst('refund-after-cancel', 'viopay-pos/cancel.spec.yaml', 'pos.cancel.refund-after-cancel');
    // Assert
    expect(failure).toBeDefined();
    const steps = failure!.steps!;
    expect(steps.map((s) => s.step)).toEqual(['step 1 (charge as c)', 'step 2 (cancel)', 'step 3 (refund)']);
    expect(steps.map((s) => s.exchange?.request.url.replace(/^http:\/\/[^/]+/, '').replace(/ch_[^/]+/, 'ID'))).toEqual([PATHS.charge, PATHS.cancel('ID'), PATHS.refund('ID')]);
    expect(steps.map((s) => s.exchange?.response?.status)).toEqual([200, 200, 200]);
    // The answers are kept decrypted.
    expect(steps[1]!.exchange!.response!.plaintext).toMatchObject({ status: 'cancelled' });
    expect(steps[2]!.exchange).toEqual(failure!.exchange);
    expect(failure!.step).toBe('step 3 (refund)');
  });

  it('records a state hook call as a step', async () => {
    // Act
    const failure = await failureAgainst('cancel-settled-allowed', 'viopay-pos/cancel.spec.yaml', 'pos.cancel.settled-refused');
    // Assert
    const state = failure!.steps!.find((s) => s.step.includes('(state)'));
    expect(state?.exchange?.request.url).toMatch(/\/_conformance\/state$/);
    expect(JSON.parse(state!.exchange!.request.body)).toMatchObject({ action: 'setup', state: 'charge is settled' });
    expect(state?.exchange?.response?.status).toBe(200);
  });

  it('keeps a one-step failure in exchange alone, and names no command but the check', async () => {
    // Act
    const failure = await failureAgainst('nonce-format-unchecked', 'viopay-pos/nonce.spec.yaml', 'pos.nonce.dash-refused');
    // Assert
    expect(failure?.exchange).toBeDefined();
    expect(failure?.steps).toBeUndefined();
    expect(failure?.replay).toEqual({});
  });
});
