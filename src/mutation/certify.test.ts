import { join } from 'node:path';
import type { Check } from '../checks/check';
import { certifyOne, checksOfProfile, MUTATION_PROFILES } from './certify';

const ROOT = join(__dirname, '..', '..');

describe('checksOfProfile', () => {
  it.each(MUTATION_PROFILES)('gives the checks of %s only, without the Pact ones, sorted by id', (profile) => {
    // Act
    const checks = checksOfProfile(ROOT, profile);

    // Assert
    const ids = checks.map((c) => c.info.id);
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.every((c) => c.profile === profile && !c.info.tags.includes('pact'))).toBe(true);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('certifyOne', () => {
  it('passes a check of each profile against a fresh reference target', async () => {
    // Arrange: the first check of each profile
    const firsts = MUTATION_PROFILES.map((profile) => checksOfProfile(ROOT, profile)[0]!);

    // Act
    const results = await Promise.all(firsts.map((check) => certifyOne(check)));

    // Assert
    expect(results.map((r) => [r.check.id, r.status])).toEqual(firsts.map((c) => [c.info.id, 'passed']));
  });

  it('reports a check that throws as failed, with the error, instead of throwing', async () => {
    // Arrange
    const [real] = checksOfProfile(ROOT, 'vpws');
    const throwing: Check = { ...real!, run: () => Promise.reject(new Error('boom')) };

    // Act
    const result = await certifyOne(throwing);

    // Assert
    expect(result.status).toBe('failed');
    expect(result.failure?.message).toBe('the check threw: boom');
  });
});
