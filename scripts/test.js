#!/usr/bin/env node
/**
 * `npm test`: the type check and the unit suite side by side, exit 0 only when both pass. tsc keeps
 * one core busy for about 13 s, in the time jest's two workers spend waiting on sockets, children
 * and browsers; one after the other, it added those 13 s to every run. tsc's report is held back
 * and printed after jest's, so the two never interleave. Arguments go to jest.
 *
 * tsc is incremental (tsconfig.json): it keeps what it learnt in node_modules/.cache/paycert-tsc, so
 * a second run checks only what changed (13.8 -> 5.7 CPU-s on 2 cores). A fresh clone (CI) checks
 * everything, as before.
 */
const { spawn } = require('node:child_process');

/** Runs `node script args`, resolving with its exit code (1 when a signal ended it) and, if asked, its output. */
function run(script, args, keepOutput) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve(script), ...args], { stdio: keepOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (keepOutput) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  const started = Date.now();
  const [typecheck, jest] = await Promise.all([
    run('typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json'], true),
    run('jest/bin/jest', ['--selectProjects', 'unit', ...process.argv.slice(2)], false),
  ]);
  if (typecheck.output) process.stdout.write(`\n${typecheck.output.trimEnd()}\n`);
  const said = (code) => (code === 0 ? 'passed' : `FAILED (exit ${code})`);
  process.stdout.write(`\nnpm test: typecheck ${said(typecheck.code)}, jest ${said(jest.code)}, ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.exitCode = typecheck.code || jest.code;
}

main();
