#!/usr/bin/env node
/**
 * `npm run bench` (hostile section, issue 14): a default `paycert run` against each hostile target
 * of src/testing/hostile-set.ts, as it is and with a polite root and --no-preflight (so that every
 * check meets the misbehaviour). Prints wall time, exit code, the peak resident memory of the
 * process tree and the size of the reports; asserts nothing (the budgets: a verdict or a one-line
 * error, 600 MB). Usage: node bench/hostile-targets.js [kind,...]
 */
require('../scripts/register-ts.js');
const { mkdtempSync, readdirSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { HOSTILE_KINDS, startHostileTarget } = require('../src/testing/hostile-set.ts');
const { measure } = require('./process-tree.js');

const root = join(__dirname, '..');
const kinds = process.argv[2] ? process.argv[2].split(',') : HOSTILE_KINDS;

function reportsSize(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir)) bytes += statSync(join(dir, name)).size;
  return bytes;
}

async function main() {
  console.log('paycert run against hostile targets (whole suite, --timeout 2; peak RSS of the process tree)');
  console.log(`  ${'target'.padEnd(38)} ${'exit'.padStart(4)} ${'wall'.padStart(8)} ${'peak RSS'.padStart(9)} ${'reports'.padStart(9)}`);
  for (const kind of kinds) {
    for (const polite of [false, true]) {
      const target = await startHostileTarget(kind, { politeRoot: polite });
      const reports = mkdtempSync(join(tmpdir(), 'paycert-bench-'));
      const args = [join(root, 'bin', 'paycert.js'), 'run', '--target', target.url, '--reports', reports, '--timeout', '2', ...(polite ? ['--no-preflight'] : [])];
      try {
        const { code, seconds, peakMb } = await measure(process.execPath, args, { cwd: root, env: { ...process.env, CI: 'true', PAYCERT_RUN: '' } });
        const name = `${kind}${polite ? ' (polite root, no preflight)' : ''}`;
        const peak = peakMb === undefined ? '?' : `${peakMb.toFixed(0)} MB`;
        console.log(`  ${name.padEnd(38)} ${String(code).padStart(4)} ${`${seconds.toFixed(1)} s`.padStart(8)} ${peak.padStart(9)} ${`${(reportsSize(reports) / 1024 / 1024).toFixed(1)} MB`.padStart(9)}`);
      } finally {
        await target.close();
        rmSync(reports, { recursive: true, force: true });
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
