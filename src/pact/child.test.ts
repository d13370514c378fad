/**
 * The Pact verification's child process is bounded (issue 14 item 1): past its deadline or its
 * memory cap it is killed, and the verification is said to have been stopped (its checks fail),
 * not to have crashed (a harness error).
 */
import { join } from 'node:path';
import { referenceTarget } from '../run/resolve-target';
import { startHostileTarget, type HostileTarget } from '../testing/hostile-set';
import { verifyInChild, VerificationStopped } from './child';

const CONTRACT = join(__dirname, '..', '..', 'contracts', 'viopay-pos-terminal-viopay-pos-api.json');

describe('verifyInChild', () => {
  let silent: HostileTarget;
  beforeAll(async () => {
    silent = await startHostileTarget('silent');
  });
  afterAll(async () => {
    await silent.close();
  });

  it('kills a verification past its deadline and says it was stopped', async () => {
    // Arrange: every request waits 30 s; the whole verification may take 1.5 s
    const target = referenceTarget(silent.url, undefined, false);
    // Act
    const outcome = verifyInChild(CONTRACT, target, 30_000, undefined, { deadlineMs: 1500 });
    // Assert
    await expect(outcome).rejects.toBeInstanceOf(VerificationStopped);
    await expect(outcome).rejects.toThrow('the Pact verification did not finish in 2 s (its deadline); the target answers too slowly or not at all');
  });

  it('kills a verification past its memory cap and says it was stopped', async () => {
    // Arrange: a cap any Node process is over at once
    const target = referenceTarget(silent.url, undefined, false);
    // Act
    const outcome = verifyInChild(CONTRACT, target, 30_000, undefined, { rssCapBytes: 1024 * 1024 });
    // Assert
    await expect(outcome).rejects.toThrow(/^the Pact verification was stopped at \d+ MB of memory \(its cap: 1 MB\)/);
  });
});
