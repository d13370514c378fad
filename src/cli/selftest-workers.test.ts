import type { FaultOutcome, SelftestReport, VariationOutcome } from '../selftest/types';
import { mergeParts } from './selftest-workers';

const fault = (name: string): FaultOutcome => ({ name, title: name, clause: 'c', level: 'MUST', caught: name !== 'f3', failed: [], warned: [], missedBy: [] });
const variation = (name: string): VariationOutcome => ({ name, title: name, clause: 'c', passed: true, failed: [], warned: [], messages: [] });
const part = (faults: string[], variations: string[]): SelftestReport => ({
  startedAt: '',
  durationMs: 1,
  checks: 7,
  faults: faults.map(fault),
  variations: variations.map(variation),
  score: { faultsCaught: 0, faults: 0, variationsPassed: 0, variations: 0 },
  passed: false,
});

describe('mergeParts', () => {
  it('puts the parts back in catalogue order when the variations start in another part than the faults', () => {
    // Arrange: 5 faults and 3 variations over 2 parts; positions 0..7, part i holds i, i+2, ...
    const parts = [part(['f0', 'f2', 'f4'], ['v1']), part(['f1', 'f3'], ['v0', 'v2'])];
    // Act
    const merged = mergeParts(parts, 'now', 42);
    // Assert
    expect(merged.faults.map((f) => f.name)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(merged.variations.map((v) => v.name)).toEqual(['v0', 'v1', 'v2']);
    expect(merged.score).toEqual({ faultsCaught: 4, faults: 5, variationsPassed: 3, variations: 3 });
    expect([merged.passed, merged.checks, merged.durationMs]).toEqual([false, 7, 42]);
  });
});
