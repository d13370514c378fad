/**
 * `paycert pact generate` runs jest's programmatic runner: none of jest's own lines ("Running one
 * project: unit", "Determining test suites to run...", PASS lines, its summary) reach paycert's
 * output, only paycert's. Through the real bin, as a user runs it.
 */
import { paycert, tempDir } from './cli-helpers';

describe("paycert pact generate without jest's banners", () => {
  it('prints only its own "wrote" lines, and nothing on stderr', async () => {
    // Act
    const result = await paycert(['pact', 'generate', '--out', tempDir()]);
    // Assert
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^wrote \S+\.json \(\d+ interactions, Pact V4\)$/);
  });
});
