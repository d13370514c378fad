/**
 * The scenario engine runs a profile it has never heard of: a toy signed JSON API, defined only
 * for the tests (src/testing/toy-profile.ts), with one operation, one state and one need, is registered, its scenario files load and
 * lint like any other, and its scenarios pass against a correct server and fail against a faulty
 * one, with no change to src/scenario/.
 */
import type { ResolvedTarget } from '../config/resolved';
import { registerProfile } from '../profiles';
import { TOY_PUBLISHED_KEY, TOY_SPEC, toyEcho, toyProfile } from '../testing/toy-profile';
import { envFor } from './env';
import { parseScenarioFile } from './load';
import { scenarioFileErrors } from '../testing/scenario-errors';
import { runScenario } from './run-scenario';
import { publishedScenarioSchema } from './scenario-schema';

registerProfile(toyProfile);
const FILE = TOY_SPEC;

const problems = (text: string): string[] => scenarioFileErrors(text, 'toy.spec.yaml');

describe('a profile the engine has never heard of', () => {
  it('runs its scenarios: passed against a correct server, failed against a faulty one, skipped for a need it lacks', async () => {
    // Arrange
    const scenarios = parseScenarioFile('toy.spec.yaml', FILE);
    const verdicts = async (faulty: boolean) => {
      const started = await toyProfile.target.start(faulty ? { fault: 'toy-signature-unchecked' } : {});
      try {
        // A target config without toy_loud: the check that needs it is skipped.
        const env = envFor({ ...(started.target as ResolvedTarget), settings: { key: TOY_PUBLISHED_KEY } }, 'toy', 5000);
        const results = [];
        for (const s of scenarios) results.push(await runScenario(s, env));
        return results.map((r) => `${r.check.id}: ${r.status}${r.skipReason ? ` (${r.skipReason})` : ''}`);
      } finally {
        await started.close();
      }
    };
    // Act
    const correct = await verdicts(false);
    const faulty = await verdicts(true);
    // Assert
    expect(correct).toEqual(['toy.echo.signed: passed', 'toy.echo.bad-signature: passed', 'toy.echo.loud: skipped (needs a loud toy: set toy_loud in the target config)']);
    expect(faulty).toEqual(['toy.echo.signed: passed', 'toy.echo.bad-signature: failed', 'toy.echo.loud: skipped (needs a loud toy: set toy_loud in the target config)']);
  });

  it("lints its files with its own operations, states and id prefix, and keeps its operation out of other profiles' files", () => {
    // Arrange
    const foreign = FILE.replace('toy_echo: { word: w, bad_signature: true }', 'charge: {}').replace('id: toy.echo.loud', 'id: pos.echo.loud');
    const pos = FILE.replace('profile: toy', 'profile: viopay-pos');
    // Act
    const inToy = problems(foreign);
    const inPos = problems(pos).join('\n');
    // Assert
    expect(problems(FILE)).toEqual([]);
    expect(inToy).toEqual([
      expect.stringMatching(/steps\[0\]\.charge: charge is not an operation of profile toy \(a toy step is one of toy_echo, state\)$/),
      expect.stringMatching(/scenarios\[2\]\.id: check id "pos\.echo\.loud" is not toy\.<topic>\.<what>/),
    ]);
    expect(inPos).toContain('toy_echo is not an operation of profile viopay-pos');
  });

  it('loads the files of a profile registered after the first file was loaded', () => {
    // Arrange
    expect(problems(FILE)).toEqual([]);
    registerProfile({ ...toyProfile, name: 'toy-two', idPrefix: 'toytwo' });
    // Act
    const loaded = parseScenarioFile('two.spec.yaml', FILE.replace('profile: toy', 'profile: toy-two').replace(/id: toy\./g, 'id: toytwo.'));
    // Assert
    expect(loaded.map((s) => s.profile)).toEqual(['toy-two', 'toy-two', 'toy-two']);
  });

  it('has its operation in the published schema, in its own files only', () => {
    // Act
    const schema = publishedScenarioSchema() as { $defs: Record<string, { properties?: Record<string, unknown> }> };
    // Assert
    expect(schema.$defs['toy.step']?.properties?.toy_echo).toEqual(toyEcho.schema);
    expect(schema.$defs['viopay-pos.step']?.properties?.toy_echo).toBeUndefined();
  });
});
