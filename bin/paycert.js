#!/usr/bin/env node
/** `paycert`: compiles the TypeScript sources on load (no build step) and runs the CLI. */
// Nothing phones home: the Pact core's usage events stay off unless the user chose otherwise.
if (process.env.PACT_DO_NOT_TRACK === undefined) process.env.PACT_DO_NOT_TRACK = 'true';
require('../scripts/register-ts');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Only a bug gets here (user mistakes are answered by main); say so plainly.
    process.stderr.write(`paycert: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
