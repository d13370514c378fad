/**
 * The start of every profile's consumer tests: a fresh Pact V4 contract for these names in `dir`
 * (pact-js merges into an existing file and would keep stale interactions, so the file is removed
 * first). Loads pact-js; nothing phones home.
 */
import './no-tracking';
import { rmSync } from 'node:fs';
import { PactV4 } from '@pact-foundation/pact';
import { contractFile, type ContractNames } from './names';

export function newContract(dir: string, names: ContractNames): { pact: PactV4; file: string } {
  const file = contractFile(dir, names);
  rmSync(file, { force: true });
  return { pact: new PactV4({ ...names, dir, logLevel: 'error' }), file };
}
