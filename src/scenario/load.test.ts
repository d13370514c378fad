import { parseScenarioFile } from './load';
import { scenarioFileErrors } from '../testing/scenario-errors';

const HEAD = 'profile: viopay-pos\nscenarios:\n';
const scenario = (id: string, steps: string, clause = '1.2/nonce-replay') =>
  `  - id: ${id}\n    title: t\n    level: MUST\n    ref: { clause: ${clause} }\n    steps:\n${steps}`;

const lines = (text: string): string[] => scenarioFileErrors(text);

describe('parseScenarioFile', () => {
  it('loads a valid file with each scenario\'s line', () => {
    const loaded = parseScenarioFile('f.spec.yaml', HEAD + scenario('pos.test.one', '      - charge: {}\n') + scenario('pos.test.two', '      - charge: {}\n'));
    expect(loaded.map((s) => [s.id, s.line])).toEqual([['pos.test.one', 3], ['pos.test.two', 9]]);
  });

  it('a misspelt key: line, column, path and a suggestion', () => {
    expect(lines(HEAD + scenario('pos.test.one', '      - charge: {}\n        expct: { status: 200 }\n'))).toEqual([
      'f.spec.yaml:9:9: scenarios[0].steps[0].expct: unknown field "expct" (did you mean "expect"?)',
    ]);
  });

  it('an unknown clause, a step with two operations, a capture of nothing, duplicate ids', () => {
    const text =
      HEAD +
      scenario('pos.test.one', '      - charge: {}\n        cancel: { charge: x }\n', '1.2/nonce-replays') +
      scenario('pos.test.one', '      - cancel: { charge: "${chrage.charge_id}" }\n');
    expect(lines(text)).toEqual([
      'f.spec.yaml:6:20: scenarios[0].ref.clause: unknown PROFILE clause "1.2/nonce-replays" (did you mean "1.2/nonce-replay"?)',
      'f.spec.yaml:8:9: scenarios[0].steps[0]: one operation per step, found charge and cancel',
      'f.spec.yaml:10:9: scenarios[1].id: duplicate check id "pos.test.one"',
      'f.spec.yaml:15:9: scenarios[1].steps[0]: ${chrage...} names no earlier step (name a step with `as:` before using it)',
    ]);
  });

  it('a value of none of the allowed forms says what the forms are', () => {
    const [line] = lines(HEAD + scenario('pos.test.one', '      - charge: {}\n        expect: { status: "two hundred" }\n'));
    expect(line).toMatch(/^f\.spec\.yaml:9:27: scenarios\[0\]\.steps\[0\]\.expect\.status: must be a status \(200\), the statuses PROFILE allows/);
  });

  it('YAML syntax errors have positions too', () => {
    expect(lines('profile: viopay-pos\nscenarios: [\n')[0]).toMatch(/^f\.spec\.yaml:\d+:\d+: invalid YAML/);
  });

  it('the authoring rules: id form, a clause of the profile at its level, needs, fresh keys, real built-ins', () => {
    // Arrange
    const text =
      HEAD +
      scenario('vpws.test.wrong-prefix', '      - charge: {}\n') +
      '  - id: pos.test.level\n    title: t\n    level: SHOULD\n    ref: { clause: 1.2/nonce-replay }\n    steps:\n      - charge: {}\n' +
      scenario('pos.test.vpws-clause', '      - charge: {}\n', '2/auth') +
      scenario('pos.test.state', '      - state: { name: charge is settled }\n') +
      scenario('pos.test.key', '      - charge: {}\n        idempotency_key: fixed-key\n') +
      scenario('pos.test.clock', '      - charge: { card: { expiry_year: "${clock.yeer}" } }\n');
    // Act
    const found = lines(text);
    // Assert
    expect(found).toEqual([
      expect.stringMatching(/scenarios\[0\]\.id: check id "vpws.test.wrong-prefix" is not pos\.<topic>\.<what>/),
      expect.stringMatching(/scenarios\[1\]\.level: level SHOULD, but clause 1\.2\/nonce-replay is MUST \(level: MUST\)/),
      expect.stringMatching(/scenarios\[2\]\.ref\.clause: clause 2\/auth is not a clause of viopay-pos/),
      expect.stringMatching(/scenarios\[3\]\.needs: a state step needs the state hook/),
      expect.stringMatching(/scenarios\[4\]\.steps\[0\]\.idempotency_key: an Idempotency-Key must be fresh per run/),
      expect.stringMatching(/scenarios\[5\]\.steps\[0\]: \$\{clock\.yeer\} is not a built-in value \(clock has clock\.year, clock\.last_year/),
    ]);
  });
});
