/** Issue 17: `paycert pact verify --profile P` chooses P's contract and P's embedded target; a wrong P is one line, exit 2. */
import { paycert } from './cli-helpers';
import { tempDir } from '../testing/temp-dir';

// A working directory of its own: no discovered config there (PAYCERT_CONFIG cleared too).
const run = (args: string[]) => paycert(['pact', 'verify', ...args], { PAYCERT_CONFIG: '' }, tempDir());

describe('paycert pact verify --profile', () => {
  it("--profile vpws verifies the VPWS contract against the embedded VPWS target", async () => {
    // Act
    const result = await run(['--profile', 'vpws']);
    // Assert
    expect(result.stdout).toContain('PASSED  a cancel without a token');
    expect(result.stdout).toMatch(/6 of 6 interactions verified/);
    expect(result.code).toBe(0);
  });

  it.each([
    ['a misspelt profile', ['--profile', 'vpw'], /^paycert: pact verify: --profile vpw is not a profile \(did you mean "vpws"\?\)\n$/],
    ['a profile without a contract', ['--profile', 'viva-interapp'], /^paycert: pact verify: the profile viva-interapp has no Pact contract \(profiles with one: viopay-pos, vpws\)\n$/],
    ["another profile's contract", ['--profile', 'vpws', '--pact', `${__dirname}/../../contracts/viopay-pos-terminal-viopay-pos-api.json`], /is for the profile viopay-pos, not vpws/],
  ])('%s: one line, exit 2', async (_label, args, line) => {
    // Act
    const result = await run(args);
    // Assert
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(line);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
