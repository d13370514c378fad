/**
 * The Pact consumer tests (the POS terminal's side): every contract scenario of specs/ becomes an
 * interaction exercised against pact-js's mock server. `paycert pact generate` runs this file with
 * PAYCERT_PACT_DIR set; under `npm test` it writes to a temporary folder and checks that the
 * committed contract is what generation makes today (no drift, and the file is stable).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractFile, DEFAULT_NAMES, generateContract } from '../src/pact/consumer';
import { contractInteractions, vpwsContractInteractions } from '../src/pact/interactions';
import { generateVpwsContract, VPWS_NAMES } from '../src/profiles/vpws/pact-consumer';

const ROOT = join(__dirname, '..');
const names = { consumer: process.env.PAYCERT_PACT_CONSUMER ?? DEFAULT_NAMES.consumer, provider: process.env.PAYCERT_PACT_PROVIDER ?? DEFAULT_NAMES.provider };
const dir = process.env.PAYCERT_PACT_DIR ?? mkdtempSync(join(tmpdir(), 'paycert-pact-'));

/** The contract without the tool versions pact-js records (they change with upgrades, not with the contract). */
const comparable = (file: string) => {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { metadata?: Record<string, unknown> };
  delete pact.metadata?.pactRust;
  delete pact.metadata?.pactJs;
  return pact;
};

describe('Pact consumer contract (viopay-pos-terminal -> viopay-pos-api)', () => {
  let file = '';

  beforeAll(async () => {
    file = await generateContract(contractInteractions(ROOT), dir, names);
  }, 60_000);

  it('is a Pact V4 file with one HTTP interaction per contract scenario', () => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { metadata: { pactSpecification: { version: string } }; interactions: Array<{ type: string; description: string; comments: { paycert: { interaction: string } } }> };
    expect(pact.metadata.pactSpecification.version).toBe('4.0');
    const ids = contractInteractions(ROOT).map((i) => i.id);
    expect(pact.interactions.map((i) => i.comments.paycert.interaction).sort()).toEqual([...ids].sort());
    expect(pact.interactions.every((i) => i.type === 'Synchronous/HTTP')).toBe(true);
  });

  it('keeps every encrypted body\'s plaintext in the comments', () => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: Array<{ request: { body?: unknown }; comments: { paycert: { request_plaintext: unknown } } }> };
    for (const i of pact.interactions) expect(i.comments.paycert.request_plaintext !== null).toBe(i.request.body !== undefined);
  });

  if (process.env.PAYCERT_PACT_DIR === undefined) {
    it('is the committed contract: generation is stable and the file has not drifted', () => {
      expect(comparable(file)).toEqual(comparable(contractFile(join(ROOT, 'contracts'), DEFAULT_NAMES)));
    });
  }
});

describe('Pact consumer contract (vpws-dealer -> vpws-api)', () => {
  const vpwsNames = { consumer: process.env.PAYCERT_PACT_VPWS_CONSUMER ?? VPWS_NAMES.consumer, provider: process.env.PAYCERT_PACT_VPWS_PROVIDER ?? VPWS_NAMES.provider };
  let file = '';

  beforeAll(async () => {
    file = await generateVpwsContract(vpwsContractInteractions(ROOT), dir, vpwsNames);
  }, 60_000);

  it('is a Pact V4 file with one interaction per VPWS contract scenario, each given a transaction by the state hook', () => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { metadata: { pactSpecification: { version: string } }; interactions: Array<{ providerStates: Array<{ name: string }>; comments: { paycert: { interaction: string } } }> };
    expect(pact.metadata.pactSpecification.version).toBe('4.0');
    expect(pact.interactions.map((i) => i.comments.paycert.interaction).sort()).toEqual(vpwsContractInteractions(ROOT).map((i) => i.id).sort());
    expect(pact.interactions.every((i) => i.providerStates[0]?.name === 'vpws transaction exists')).toBe(true);
  });

  if (process.env.PAYCERT_PACT_DIR === undefined) {
    it('is the committed contract: no drift', () => {
      expect(comparable(file)).toEqual(comparable(contractFile(join(ROOT, 'contracts'), VPWS_NAMES)));
    });
  }
});
