#!/usr/bin/env node
/**
 * `npm run bench:stress`: the run figures of `npm run bench` (bench/paycert-run.js,
 * bench/request-rate.js) taken beside busy processes (HOGS, default one per core, at least 2;
 * scripts/busy-processes.js), as on a shared CI machine. The budgets printed are twice the idle
 * ones (issue 16: a run at most 12 s, an external target 20 s, the selftest 80 s). `npm test`
 * under the same load is `npm run test:stress`. Exit 1 when a bench script failed.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { startBusyProcesses } = require('../scripts/busy-processes.js');

const busy = startBusyProcesses();
process.stdout.write(`bench:stress: ${busy.count} busy processes beside the bench\n`);
let failed = false;
for (const script of ['paycert-run.js', 'request-rate.js']) {
  const result = spawnSync(process.execPath, [join(__dirname, script)], { stdio: 'inherit', env: { ...process.env, PAYCERT_BENCH_BUSY: String(busy.count) } });
  failed ||= result.status !== 0;
}
busy.stop();
process.exitCode = failed ? 1 : 0;
