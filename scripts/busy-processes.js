/**
 * Busy processes beside a measurement, as other jobs are on a shared CI machine: each spins on
 * one core until stopped. Used by `npm run test:stress` (scripts/test-stress.js) and
 * `npm run bench:stress` (bench/under-load.js), so both put the same load beside what they run.
 */
const { spawn } = require('node:child_process');
const { cpus } = require('node:os');

/**
 * Starts `count` busy processes (default HOGS from the environment, else one per core, at least
 * 2); `stop()` kills them (also called when this process exits, so none outlives it).
 */
function startBusyProcesses(count = Number(process.env.HOGS ?? Math.max(2, cpus().length))) {
  const busy = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' }));
  const stop = () => busy.forEach((p) => p.killed || p.kill('SIGKILL'));
  process.on('exit', stop);
  return { count, stop };
}

module.exports = { startBusyProcesses };
