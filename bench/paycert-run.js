#!/usr/bin/env node
/**
 * `npm run bench`: wall time of a default `npx paycert run` (embedded reference target, jest
 * start-up included), over a few runs, and of one `paycert selftest` over the whole catalogue.
 * Prints figures; asserts nothing (the budgets: 6 s for a run, 40 s for the selftest, on an idle
 * 2-core machine; twice that under bench/under-load.js). Usage: node bench/paycert-run.js [runs]
 */
const { execFileSync } = require('node:child_process');
const { measure } = require('./process-tree.js');
const { budget, conditions } = require('./budget.js');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir, cpus } = require('node:os');
const { join } = require('node:path');

const runs = Number(process.argv[2] ?? 3);

/** Peak resident memory of a default run's whole process tree (the budget: 600 MB). */
async function peakOfOneRun() {
  const reports = mkdtempSync(join(tmpdir(), 'paycert-bench-'));
  const { peakMb } = await measure(process.execPath, [join(root, 'bin', 'paycert.js'), 'run', '--reports', reports], { cwd: root, env: { ...process.env, CI: 'true', PAYCERT_RUN: '' } });
  rmSync(reports, { recursive: true, force: true });
  return peakMb;
}

const root = join(__dirname, '..');
const times = [];
let checks = 0;
for (let i = 0; i < runs; i++) {
  const reports = mkdtempSync(join(tmpdir(), 'paycert-bench-'));
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [join(root, 'bin', 'paycert.js'), 'run', '--reports', reports], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, CI: 'true', PAYCERT_RUN: '' },
  });
  times.push(Number(process.hrtime.bigint() - started) / 1e9);
  checks = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')).counts.total;
  rmSync(reports, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`paycert run (embedded reference target, ${checks} checks, ${cpus().length} cores, node ${process.version}; ${conditions})`);
console.log(`  runs: ${times.map((t) => `${t.toFixed(2)} s`).join(', ')}`);
console.log(`  min ${times[0].toFixed(2)} s, median ${median.toFixed(2)} s, max ${times[times.length - 1].toFixed(2)} s (budget ${budget(6)} s: median is ${((median / budget(6)) * 100).toFixed(0)}% of it)`);

peakOfOneRun().then((peakMb) => {
  console.log(`  peak RSS of the process tree: ${peakMb === undefined ? 'unknown (no /proc)' : `${peakMb.toFixed(0)} MB (budget 600 MB)`}`);
  selftest();
});

function selftest() {
  const selftestReports = mkdtempSync(join(tmpdir(), 'paycert-bench-'));
  const selftestStarted = process.hrtime.bigint();
  execFileSync(process.execPath, [join(root, 'bin', 'paycert.js'), 'selftest', '--reports', selftestReports], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
  const selftestSeconds = Number(process.hrtime.bigint() - selftestStarted) / 1e9;
  const score = readFileSync(join(selftestReports, 'selftest.md'), 'utf8').split('\n')[2];
  rmSync(selftestReports, { recursive: true, force: true });
  console.log(`paycert selftest: ${selftestSeconds.toFixed(1)} s (budget ${budget(40)} s: ${((selftestSeconds / budget(40)) * 100).toFixed(0)}% of it); ${score}`);
}
