/**
 * The conformance project's test file for the contracts: every interaction of every contract in
 * contracts/ becomes a check of the run (tag `pact`), verified against the run's target.
 */
import { registerChecks } from '../src/jest/register-checks';
import { contractFiles, pactChecksOf } from '../src/pact/checks';

registerChecks(__filename, contractFiles(`${__dirname}/..`).flatMap((file) => pactChecksOf(file, __filename)));
