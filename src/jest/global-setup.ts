/**
 * Global setup of the conformance project, for pipelines that run jest themselves:
 * `PAYCERT_CONFIG=FILE npx jest --selectProjects conformance`. Without PAYCERT_CONFIG (or
 * PAYCERT_TARGET) it starts the embedded reference target. `paycert run` resolves the run
 * itself and this does nothing.
 */
import { exportRunContext, importRunContext, runOptionsFromEnv } from '../run/context';
import { startEmbedded, targetFromArgs } from '../run/resolve-target';

declare global {
  // eslint-disable-next-line no-var
  var __paycertEmbedded: { close(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (importRunContext()) return;
  const options = runOptionsFromEnv();
  const asked = process.env.PAYCERT_PROFILE;
  const profile = asked === 'vpws' || asked === 'viva-interapp' ? asked : 'viopay-pos';
  const configured = targetFromArgs(process.env.PAYCERT_CONFIG, process.env.PAYCERT_TARGET, profile);
  if (configured) {
    exportRunContext({ target: configured, options });
    return;
  }
  const { target, running } = await startEmbedded(profile);
  globalThis.__paycertEmbedded = running;
  exportRunContext({ target, options });
}
