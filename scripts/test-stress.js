#!/usr/bin/env node
/**
 * `npm run test:stress`: the unit suite beside a CPU hog, as on a shared CI machine. Starts HOGS
 * busy processes (default 2, one per core here; scripts/busy-processes.js) that spin until the
 * suite ends, runs the README's test command (`npm test`: scripts/test.js, the type check beside
 * jest), and exits with its code. Every test must stay green: a localhost answer that takes long
 * under load is not a failure of the target or of the harness.
 */
const { spawn } = require('node:child_process');
const { startBusyProcesses } = require('./busy-processes.js');

const busy = startBusyProcesses();
process.on('SIGINT', () => process.exit(130));

const started = Date.now();
process.stdout.write(`test:stress: ${busy.count} busy processes beside the suite\n`);
const jest = spawn(process.execPath, [require.resolve('./test.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
jest.on('exit', (code, signal) => {
  busy.stop();
  process.stdout.write(`test:stress: ${code === 0 ? 'green' : 'RED'} in ${Math.round((Date.now() - started) / 1000)} s beside ${busy.count} busy processes\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
