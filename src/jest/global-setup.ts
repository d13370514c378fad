/**
 * Global setup of the conformance project, for pipelines that run jest themselves:
 * `PAYCERT_CONFIG=FILE npx jest --selectProjects conformance`. Without PAYCERT_CONFIG (or
 * PAYCERT_TARGET) it starts the embedded reference target. `paycert run` resolves the run
 * itself and this does nothing.
 */
import { resolve } from 'node:path';
import { allChecks } from '../checks/all-checks';
import { loadBaseline } from '../config/baseline-file';
import { readSigningKey } from '../report/certificate';
import { exportRunContext, importRunContext, runOptionsFromEnv, type RunOptions } from '../run/context';
import { profileNames } from '../profiles';
import { defaultProfileName, startEmbedded, targetFromArgs } from '../run/resolve-target';

/**
 * PAYCERT_BASELINE and PAYCERT_SIGN_KEY, read and checked before any request as `paycert run`
 * does with --baseline and --sign-key: a bad file stops the run here.
 */
function withFiles(options: RunOptions, profile: string): RunOptions {
  const file = process.env.PAYCERT_BASELINE;
  if (options.signKeyFile !== undefined) readSigningKey(options.signKeyFile, 'PAYCERT_SIGN_KEY');
  if (!file) return options;
  const root = resolve(__dirname, '..', '..');
  const checks = allChecks(root).all().map((c) => ({ id: c.info.id, profile: c.profile }));
  return { ...options, baseline: loadBaseline(file, checks, profile) };
}

declare global {
  // eslint-disable-next-line no-var
  var __paycertEmbedded: { close(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (importRunContext()) return;
  const options = runOptionsFromEnv();
  const asked = process.env.PAYCERT_PROFILE;
  const profile = asked !== undefined && profileNames().includes(asked) ? asked : defaultProfileName();
  const configured = targetFromArgs(process.env.PAYCERT_CONFIG, process.env.PAYCERT_TARGET, profile);
  if (configured) {
    exportRunContext({ target: configured, options: withFiles(options, configured.profile) });
    return;
  }
  const checked = withFiles(options, profile);
  const { target, running } = await startEmbedded(profile);
  globalThis.__paycertEmbedded = running;
  exportRunContext({ target, options: checked });
}
