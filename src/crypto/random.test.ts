import { randomBytesFromPool } from './random';

describe('randomBytesFromPool', () => {
  it('gives the length asked, small or large', () => {
    expect(randomBytesFromPool(24)).toHaveLength(24);
    expect(randomBytesFromPool(5000)).toHaveLength(5000);
  });

  it('never gives the same bytes twice, across block refills', () => {
    // Act: more draws than one block holds
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(randomBytesFromPool(16).toString('hex'));
    // Assert
    expect(seen.size).toBe(1000);
  });

  it('hands out copies: changing one leaves the next draw alone', () => {
    // Arrange
    const first = randomBytesFromPool(16);
    const second = randomBytesFromPool(16);
    const before = second.toString('hex');
    // Act
    first.fill(0);
    // Assert
    expect(second.toString('hex')).toBe(before);
  });

  it('spreads its bytes over all 256 values', () => {
    const counts = new Array<number>(256).fill(0);
    for (const b of randomBytesFromPool(1024)) counts[b]!++;
    for (let i = 0; i < 200; i++) for (const b of randomBytesFromPool(64)) counts[b]!++;
    expect(counts.filter((c) => c === 0)).toHaveLength(0);
  });
});
