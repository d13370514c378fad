#!/usr/bin/env node
/** `paycert`: compiles the TypeScript sources on load (no build step) and runs the CLI. */
// Nothing phones home: the Pact core's usage events stay off unless the user chose otherwise.
if (process.env.PACT_DO_NOT_TRACK === undefined) process.env.PACT_DO_NOT_TRACK = 'true';
require('../scripts/register-ts');
const { main } = require('../src/cli/main.ts');

/**
 * Once a command has its exit code, nothing it left behind may hold the process open: a request a
 * check's deadline gave up on, a hostile target's connection, a child being killed. The process
 * ends by itself when nothing is left (the timer is unref'd), else this long after at the latest.
 */
const LINGER_MS = 2000;
const exitSoon = () => setTimeout(() => process.exit(), LINGER_MS).unref();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    exitSoon();
  },
  (error) => {
    // Only a bug gets here (user mistakes are answered by main); say so plainly.
    process.stderr.write(`paycert: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
    exitSoon();
  },
);
