/**
 * The Stryker options of one profile's run. `npm run mutation` (mutation/run.mjs) builds them;
 * they live here so that a run can also be started by hand:
 *   node -e "import('./mutation/stryker-options.mjs').then(async (m) => { const { Stryker } = await import('@stryker-mutator/core'); await new Stryker(m.strykerOptions('.', 'vpws')).runMutationTest(); })"
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutateOf } from './profiles.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Where a profile's reports go: reports/mutation/<profile>/ (git-ignored, as all of reports/). */
export const reportDirOf = (root, profile) => resolve(root, 'reports', 'mutation', profile);

/**
 * @param root the repository root
 * @param profile viopay-pos | vpws | viva-interapp
 * @param overrides `mutate` (a subset while developing), `concurrency`
 */
export function strykerOptions(root, profile, overrides = {}) {
  const reportDir = reportDirOf(root, profile);
  return {
    // The runner resolves files from the sandbox, which Stryker makes under tempDirName.
    testRunner: 'paycert',
    plugins: [join(HERE, 'runner', 'paycert-runner.mjs')],
    paycert: { profile, reportDir },
    coverageAnalysis: 'perTest',
    mutate: overrides.mutate ?? mutateOf(root, profile),
    concurrency: overrides.concurrency ?? 2,
    // Our TypeScript goes through swc, which never type-checks: no checker, nothing to disable.
    checkers: [],
    disableTypeChecks: false,
    // Generous, as other work may share the two cores and a timeout counts as a kill: a hung target
    // fails its check first anyway (5 s per request), and a loop in a mutant hits Stryker's hit limit.
    timeoutFactor: 3,
    timeoutMS: 30_000,
    reporters: ['html', 'json', 'progress-append-only'],
    htmlReporter: { fileName: join(reportDir, 'index.html') },
    jsonReporter: { fileName: join(reportDir, 'mutation.json') },
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
    // Only what the harness and the targets need goes into the sandbox.
    ignorePatterns: ['/reports', '/bench', '/coverage', '/mutation', '*.log'],
    logLevel: 'info',
    fileLogLevel: 'off',
    allowConsoleColors: false,
  };
}
