/**
 * specs/scenario.schema.json (the editors' schema) is what the profiles' fragments make; and the
 * assembled schema offers each profile's operations only in its own files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { allProfiles } from '../profiles';
import { specFiles } from './load';
import { publishedScenarioSchema, publishedScenarioSchemaText, scenarioFileSchema } from './scenario-schema';

const PUBLISHED = join(__dirname, '..', '..', 'specs', 'scenario.schema.json');
const REGENERATE = 'PAYCERT_WRITE_SCENARIO_SCHEMA=1 npx jest src/scenario/scenario-schema --selectProjects unit';

/** A file of `profile` with one scenario whose one step is `step`. */
function fileWith(profile: string, step: Record<string, unknown>): unknown {
  return { profile, scenarios: [{ id: 'x.y.z', title: 't', level: 'MUST', ref: { clause: 'c' }, steps: [step] }] };
}

describe('the scenario schema', () => {
  it('specs/scenario.schema.json is the one the profiles make', () => {
    // Arrange
    const wanted = publishedScenarioSchemaText();
    if (process.env.PAYCERT_WRITE_SCENARIO_SCHEMA === '1') writeFileSync(PUBLISHED, wanted);
    // Act
    const checkedIn = readFileSync(PUBLISHED, 'utf8');
    // Assert
    if (checkedIn !== wanted) throw new Error(`specs/scenario.schema.json differs from what the profiles' fragments make: regenerate it with\n  ${REGENERATE}`);
  });

  it("offers each profile's operations in its own files only, and the loader's form names the others' for the input rules", () => {
    // Arrange
    const strict = new Ajv2020({ strict: false }).compile(scenarioFileSchema(allProfiles(), false));
    const lenient = new Ajv2020({ strict: false }).compile(scenarioFileSchema(allProfiles(), true));
    const [first, second] = allProfiles();
    const own = { [first!.scenario.operations[0]!.name]: {} };
    const foreign = { [second!.scenario.operations[0]!.name]: {} };
    // Act, Assert
    expect(strict(fileWith(first!.name, own))).toBe(true);
    expect(strict(fileWith(first!.name, foreign))).toBe(false);
    expect(lenient(fileWith(first!.name, foreign))).toBe(true);
    expect(strict(fileWith(first!.name, { ...own, no_such_key: 1 }))).toBe(false);
    expect(lenient(fileWith(first!.name, { ...own, no_such_key: 1 }))).toBe(false);
    expect(strict(fileWith('no-such-profile', own))).toBe(false);
  });

  it('accepts every spec file of specs/ as it is (an editor shows no false problem)', () => {
    // Arrange
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(publishedScenarioSchema());
    const files = specFiles([join(__dirname, '..', '..', 'specs')]);
    // Act
    const refused = files.filter((file) => !validate(parse(readFileSync(file, 'utf8')))).map((file) => `${file}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    // Assert
    expect(files.length).toBeGreaterThan(20);
    expect(refused).toEqual([]);
  });

  it('is the schema every spec file names on its first line', () => {
    const files = specFiles([join(__dirname, '..', '..', 'specs')]);
    const elsewhere = files.filter((file) => {
      const first = readFileSync(file, 'utf8').split('\n', 1)[0]!;
      const named = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      return named === undefined || join(dirname(file), named) !== PUBLISHED;
    });
    expect(elsewhere).toEqual([]);
  });

  it('refuses two profiles that name a schema the same', () => {
    const [a] = allProfiles();
    const twin = { ...a!, name: 'twin', scenario: { ...a!.scenario, schemaDefs: { matcher: {} } } };
    expect(() => scenarioFileSchema([a!, twin])).toThrow(/"matcher" of profile twin is taken/);
  });
});
