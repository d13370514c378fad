/** The committed VPWS contract (generation keeps it current: contracts/consumer.pact.test.ts) gives every interaction a transaction through the state hook. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractFile } from '../../../pact/names';
import { VPWS_CONTRACT_NAMES } from './names';

const FILE = contractFile(join(__dirname, '..', '..', '..', '..', 'contracts'), VPWS_CONTRACT_NAMES);

describe('the VPWS contract', () => {
  it('starts every interaction from "vpws transaction exists", and names its profile in the comment', () => {
    // Arrange
    const pact = JSON.parse(readFileSync(FILE, 'utf8')) as { interactions: Array<{ providerStates: Array<{ name: string }>; comments: { paycert: { profile?: string } } }> };
    // Act
    const states = pact.interactions.map((i) => i.providerStates[0]?.name);
    // Assert
    expect(pact.interactions.length).toBeGreaterThan(0);
    expect(states.every((s) => s === 'vpws transaction exists')).toBe(true);
    expect(pact.interactions.every((i) => i.comments.paycert.profile === 'vpws')).toBe(true);
  });
});
