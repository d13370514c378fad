/**
 * The Pact consumer tests: for every profile with a contract (src/profiles/<name>/contract-side.ts),
 * its contract scenarios of specs/ become interactions exercised against pact-js's mock server.
 * `paycert pact generate` runs this file with PAYCERT_PACT_DIR (and PAYCERT_PACT_NAMES, each
 * profile's consumer and provider names) set; under `npm test` it writes to a temporary folder and
 * checks that each committed contract is what generation makes today (no drift, and the file is stable).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractScenarios } from '../src/pact/interactions';
import { contractFile, type ContractNames } from '../src/pact/names';
import { allProfiles, type Profile } from '../src/profiles';
import type { ContractSide } from '../src/profiles/contract-side';
import { tempDir } from '../src/testing/temp-dir';

const ROOT = join(__dirname, '..');
const dir = process.env.PAYCERT_PACT_DIR ?? tempDir('paycert-pact-');
const askedNames = JSON.parse(process.env.PAYCERT_PACT_NAMES ?? '{}') as Record<string, ContractNames>;
const withContract = allProfiles().filter((p): p is Profile & { contract: ContractSide } => p.contract !== undefined);

/** The contract without the tool versions pact-js records (they change with upgrades, not with the contract). */
const comparable = (file: string) => {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { metadata?: Record<string, unknown> };
  delete pact.metadata?.pactRust;
  delete pact.metadata?.pactJs;
  return pact;
};

type Written = { metadata: { pactSpecification: { version: string } }; interactions: Array<{ type: string; providerStates?: Array<{ name: string }>; comments: { paycert: { interaction: string } } }> };

it('at least one profile has a contract', () => {
  expect(withContract.length).toBeGreaterThan(0);
});

describe.each(withContract.map((p) => [`${p.contract.names.consumer} -> ${p.contract.names.provider}`, p] as const))('Pact consumer contract (%s)', (_names, profile) => {
  const names = askedNames[profile.name] ?? profile.contract.names;
  const scenarios = contractScenarios(ROOT, profile.name);
  let file = '';

  beforeAll(async () => {
    file = await profile.contract.generate(scenarios, dir, names);
  }, 60_000);

  it('is a Pact V4 file with one HTTP interaction per contract scenario of the profile', () => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as Written;
    expect(pact.metadata.pactSpecification.version).toBe('4.0');
    expect(scenarios.length).toBeGreaterThan(0);
    expect(pact.interactions.map((i) => i.comments.paycert.interaction).sort()).toEqual(scenarios.map((s) => s.id).sort());
    expect(pact.interactions.every((i) => i.type === 'Synchronous/HTTP')).toBe(true);
  });

  it("starts each interaction from a provider state of the profile's scenarios, if any", () => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as Written;
    const states = new Set(profile.scenario.contractStates ?? []);
    expect(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)).filter((s) => !states.has(s))).toEqual([]);
  });

  if (process.env.PAYCERT_PACT_DIR === undefined) {
    it('is the committed contract: generation is stable and the file has not drifted', () => {
      expect(comparable(file)).toEqual(comparable(contractFile(join(ROOT, 'contracts'), profile.contract.names)));
    });
  }
});
