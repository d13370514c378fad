#!/usr/bin/env node
/**
 * `npm run bench`, last part: the wall time of the README's test command (`npm test`, that is
 * scripts/test.js: the type check beside jest), with its exit code, the number of tests and the
 * CPU time of the whole process tree. Prints figures; asserts nothing (the budget: 150 s on an idle
 * 2-core machine; `npm run test:stress` prints the figure beside busy processes).
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const started = process.hrtime.bigint();
const child = spawn(process.execPath, [join(root, 'scripts', 'test.js')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
let output = '';
for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
child.on('close', (code) => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The children's CPU time (user + system), as the kernel counted it once they were reaped.
  const { user, system } = childCpu();
  const tests = /^Tests:\s+(.*)$/m.exec(output)?.[1] ?? 'unknown';
  console.log(`npm test: ${seconds.toFixed(0)} s (budget 150 s: ${((seconds / 150) * 100).toFixed(0)}% of it), exit ${code}; tests: ${tests}; CPU of the tree ${(user + system).toFixed(0)} s`);
  if (code !== 0) process.stdout.write(output.split('\n').slice(-40).join('\n'));
});

/** User and system CPU seconds of the reaped children (getrusage RUSAGE_CHILDREN, via /proc/self/stat). */
function childCpu() {
  try {
    const fields = require('node:fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    const ticks = 100; // USER_HZ on Linux
    return { user: Number(fields[13]) / ticks, system: Number(fields[14]) / ticks };
  } catch {
    return { user: 0, system: 0 };
  }
}
