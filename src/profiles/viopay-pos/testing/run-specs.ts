/**
 * Test support: runs spec files against a reference target started with `options` (a fault or a
 * MAY choice), and returns the results. The target is closed before this returns.
 */
import type { ResolvedTarget } from '../../../config/resolved';
import type { CheckResult } from '../../../core/types';
import { loadScenarios, specFiles } from '../../../scenario/load';
import { envFor } from '../../../scenario/env';
import { runScenarios } from '../../../scenario/run-all';
import type { TargetOptionsInput } from '../target';
import { startReference } from './reference';

export async function runSpecsAgainstReference(paths: readonly string[], options: TargetOptionsInput = {}): Promise<CheckResult[]> {
  // The POS reference target runs the POS scenarios; other profiles' have their own targets.
  const scenarios = loadScenarios(specFiles(paths)).filter((s) => s.profile === 'viopay-pos');
  const ref = await startReference(options);
  try {
    const creds = ref.client.credentials;
    const target: ResolvedTarget = {
      profile: 'viopay-pos',
      baseUrl: ref.target.url,
      settings: { terminalId: creds.terminalId, keyId: creds.keyId, hmacSecret: creds.hmacSecret, msk: creds.msk, kcvMethod: creds.kcvMethod },
      cards: { ...ref.target.options.cards },
      embedded: true,
      source: 'reference target',
    };
    if (ref.target.stateUrl) target.stateUrl = ref.target.stateUrl;
    return await runScenarios(scenarios, envFor(target, `t${Date.now()}`, 5000));
  } finally {
    await ref.close();
  }
}
