#!/usr/bin/env node
/**
 * `npm run mutation`: StrykerJS over each profile's reference target rule code, paycert's own
 * checks of that profile as the tests (mutation/runner/paycert-runner.mjs), then the score after
 * triage (mutation/triage.yaml) and every untriaged survivor.
 *
 *   npm run mutation                              # the three profiles, one after another
 *   npm run mutation -- --profile vpws            # one profile (repeatable)
 *   npm run mutation -- --profile vpws --mutate src/profiles/vpws/target/rules.ts --concurrency 1   # part of one
 *   npm run mutation -- --summary-only            # score the last reports again (after editing the triage)
 *
 * Exit 0 when every profile run scores at least 95% after triage, 1 when one does not, 2 when a
 * run could not be made. Reports: reports/mutation/<profile>/ (index.html, mutation.json,
 * baseline.json, summary.txt, untriaged.yaml).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROFILES } from './profiles.mjs';
import { reportDirOf, strykerOptions } from './stryker-options.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TRIAGE = resolve(ROOT, 'mutation', 'triage.yaml');
const require = createRequire(import.meta.url);
require('../scripts/register-ts.js');
const { mutantsOf } = require('../src/mutation/mutants.ts');
const { parseTriage, entryFor } = require('../src/mutation/triage.ts');
const { summarise, formatSummary } = require('../src/mutation/score.ts');

function parseArgs(argv) {
  const args = { profiles: [], mutate: [], concurrency: 2, summaryOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--profile') args.profiles.push(value());
    else if (arg === '--mutate') args.mutate.push(value());
    else if (arg === '--concurrency') args.concurrency = Number(value());
    else if (arg === '--summary-only') args.summaryOnly = true;
    else throw new Error(`unknown option ${arg} (options: --profile P, --mutate GLOB, --concurrency N, --summary-only)`);
  }
  for (const p of args.profiles) if (!PROFILES.includes(p)) throw new Error(`unknown profile ${p} (profiles: ${PROFILES.join(', ')})`);
  if (args.mutate.length > 0 && args.profiles.length !== 1) throw new Error('--mutate needs exactly one --profile');
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1) throw new Error('--concurrency is a whole number from 1');
  if (args.profiles.length === 0) args.profiles = [...PROFILES];
  return args;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The baseline's warnings: checks that were not counted, and why. */
function baselineLines(dir) {
  const file = resolve(dir, 'baseline.json');
  if (!existsSync(file)) return [];
  const baseline = readJson(file);
  return [
    `  checks: ${baseline.checks}, of which not counted: ${baseline.notPassing.length + baseline.flaky.length}`,
    ...baseline.notPassing.map((c) => `  not counted, does not pass on the unmutated target: ${c.message}`),
    ...baseline.flaky.map((c) => `  not counted, FLAKY on the unmutated target (${c.statuses.join(' then ')}): ${c.message}`),
    ...baseline.crashes.map((c) => `  the unmutated run saw an ${c}`),
  ];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  process.chdir(ROOT);
  const triage = parseTriage('mutation/triage.yaml', readFileSync(TRIAGE, 'utf8'));
  let failed = false;
  for (const profile of args.profiles) {
    const dir = reportDirOf(ROOT, profile);
    let seconds;
    if (!args.summaryOnly) {
      const { Stryker } = await import('@stryker-mutator/core');
      const started = performance.now();
      const overrides = { concurrency: args.concurrency, ...(args.mutate.length > 0 && { mutate: args.mutate }) };
      await new Stryker(strykerOptions(ROOT, profile, overrides)).runMutationTest();
      seconds = (performance.now() - started) / 1000;
    }
    const summary = summarise(profile, mutantsOf(readJson(resolve(dir, 'mutation.json'))), triage);
    const text = [formatSummary(summary, seconds), ...baselineLines(dir)].join('\n');
    console.log(`\n${text}`);
    writeFileSync(resolve(dir, 'summary.txt'), `${text}\n`);
    writeFileSync(resolve(dir, 'untriaged.yaml'), summary.untriaged.map(entryFor).join('\n\n') + '\n');
    failed ||= !summary.passed;
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`mutation: ${error?.oneLine?.() ?? error?.message ?? error}`);
  process.exitCode = 2;
});
