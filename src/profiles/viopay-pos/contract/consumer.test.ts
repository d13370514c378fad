/** The committed POS contract (generation keeps it current: contracts/consumer.pact.test.ts) carries every encrypted body's plaintext. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractFile } from '../../../pact/names';
import { POS_CONTRACT_NAMES } from './names';

const FILE = contractFile(join(__dirname, '..', '..', '..', '..', 'contracts'), POS_CONTRACT_NAMES);

describe('the POS contract', () => {
  it("keeps every encrypted body's plaintext in the comments", () => {
    // Arrange
    const pact = JSON.parse(readFileSync(FILE, 'utf8')) as { interactions: Array<{ request: { body?: unknown }; comments: { paycert: { request_plaintext: unknown } } }> };
    // Act
    const mismatched = pact.interactions.filter((i) => (i.comments.paycert.request_plaintext !== null) !== (i.request.body !== undefined));
    // Assert
    expect(pact.interactions.length).toBeGreaterThan(0);
    expect(mismatched).toEqual([]);
  });
});
