/**
 * The POS contract says exactly what PROFILE fixes and nothing more (issue 12, precision rule):
 * verified against a target that varies each free value (key order, messages, extra fields, hex
 * case, KCV form, 404 code, ids...) it passes; against targets that each break one fixed value it
 * fails, on the interaction that shows it.
 */
import { join } from 'node:path';
import { verifyContract } from '../src/pact/verify';
import { referenceTarget } from '../src/run/resolve-target';
import { startReferenceTarget } from '../src/profiles/viopay-pos/target';
import { FAULTS, LEGAL_VARIATIONS } from '../src/profiles/viopay-pos/target/variants';
import type { PosSettings } from '../src/profiles/viopay-pos/settings';

const CONTRACT = join(__dirname, 'viopay-pos-terminal-viopay-pos-api.json');

async function verifyAgainst(options: Parameters<typeof startReferenceTarget>[0], kcvMethod: 'cmac' | 'legacy' = 'cmac') {
  const running = await startReferenceTarget(options);
  try {
    const reference = referenceTarget(running.url, running.stateUrl, false);
    const target = { ...reference, settings: { ...(reference.settings as PosSettings), kcvMethod } };
    return await verifyContract(CONTRACT, target);
  } finally {
    await running.close();
  }
}

describe('the POS contract fixes what PROFILE fixes', () => {
  // Every free value varied at once, and the MAY choices a contract interaction meets.
  it.each(['all-liberties', 'keys-reversed', 'unknown-id-400', 'kcv-legacy', 'other-error-messages'])('passes against the legal variation %s', async (name) => {
    // Arrange
    const variation = LEGAL_VARIATIONS.get(name)!;
    // Act
    const verdicts = await verifyAgainst(variation.options, variation.declares?.kcvMethod);
    // Assert
    expect(verdicts.filter((v) => v.status !== 'passed').map((v) => `${v.id}: ${v.messages.join('; ')}`)).toEqual([]);
  });

  it.each([
    ['error-code-mismatch', 'pos.contract.bad-signature'],
    ['errors-enveloped', 'pos.contract.malformed-envelope'],
    ['error-body-flat', 'pos.contract.stale-timestamp'],
    ['auth-failures-403', 'pos.contract.bad-signature'],
    ['response-mode-lower-case', 'pos.contract.charge'],
    ['response-without-kcv', 'pos.contract.charge'],
    ['kcv-of-another-key', 'pos.contract.charge'],
    ['amount-not-echoed', 'pos.contract.charge'],
    ['answer-field-renamed', 'pos.contract.charge'],
    ['unknown-charge-500', 'pos.contract.unknown-charge'],
    ['reverse-not-served', 'pos.contract.reverse'],
    ['plaintext-answers', 'pos.contract.refund'],
  ])('fails against the fault %s, on %s', async (fault, interaction) => {
    // Arrange
    const variant = FAULTS.get(fault)!;
    // Act
    const verdicts = await verifyAgainst({ ...variant.conditions, rules: variant.rules });
    // Assert
    expect(verdicts.find((v) => v.id === interaction)?.status).toBe('failed');
  });
});
