/**
 * Issue 17: what of the POS contract stock Pact tools can do. The provider states are Pact's own:
 * pact-js's `Verifier` given the target's state hook as `providerStatesSetupUrl` (no state
 * handlers) gets each interaction's charge from the hook and injects its `charge_id` into the path.
 * What Pact cannot express is the request itself: every request must be signed (HMAC over the exact
 * bytes, a fresh nonce and timestamp) and its envelope sealed under the target's MSK, so without
 * paycert's request filter a conformant target refuses them; with it, the contract verifies.
 */
import '../../../pact/no-tracking';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { paycertInteractions, readContract, type PaycertComment } from '../../../pact/contract-file';
import { requestFilter, type Observation } from '../../../pact/filter';
import { contractFile } from '../../../pact/names';
import { referenceTarget } from '../../../run/resolve-target';
import { contractSide } from '../contract-side';
import { startReferenceTarget, type RunningTarget } from '../target';
import { POS_CONTRACT_NAMES } from './names';

const FILE = contractFile(join(__dirname, '..', '..', '..', '..', 'contracts'), POS_CONTRACT_NAMES);
let target: RunningTarget;

beforeAll(async () => {
  target = await startReferenceTarget();
});

afterAll(() => target.close());

/** The interactions whose Pact result was not OK, by description (none: every one verified). */
async function failedInteractions(verifier: Verifier): Promise<string[]> {
  try {
    await verifier.verifyProvider();
    return [];
  } catch (error) {
    const results = (JSON.parse(error instanceof Error ? error.message : String(error)) as { interactionResults: Array<{ description: string; result: string }> }).interactionResults;
    return results.filter((r) => !/^ok$/i.test(r.result)).map((r) => r.description);
  }
}

describe("the POS contract's provider states under pact-js's stock Verifier", () => {
  it("verifies with the target's state hook as providerStatesSetupUrl and paycert's signing request filter (no state handlers)", async () => {
    // Arrange
    const resolved = referenceTarget(target.url, target.stateUrl, true, 'viopay-pos');
    const byId = new Map<string, PaycertComment>(paycertInteractions(readContract(FILE)).map((i) => [i.comments.paycert.interaction, i.comments.paycert]));
    const observed = new Map<string, Observation>();
    const filter = requestFilter(contractSide.verifier(resolved, { timeoutMs: 10_000 }), byId, observed);
    // Act
    const failed = await failedInteractions(new Verifier({ providerBaseUrl: target.url, pactUrls: [FILE], providerStatesSetupUrl: target.stateUrl, requestFilter: filter as never, logLevel: 'error' }));
    // Assert
    expect(failed).toEqual([]);
    expect(observed.size).toBe(byId.size);
    expect([...observed.values()].flatMap((o) => o.problems)).toEqual([]);
  }, 120_000);

  it('cannot verify without a signing filter: a conformant target refuses the example requests (their signature is a placeholder)', async () => {
    // Act
    const failed = await failedInteractions(new Verifier({ providerBaseUrl: target.url, pactUrls: [FILE], providerStatesSetupUrl: target.stateUrl, logLevel: 'error' }));
    // Assert: the interactions that expect the target to accept a signed request fail.
    expect(failed).toEqual(expect.arrayContaining(['a charge with the approved test card', 'a partial refund of a settled charge']));
    expect(failed.length).toBeGreaterThan(1);
  }, 120_000);
});
