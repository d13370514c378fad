import { UserError, UserErrors } from '../core/errors';
import { parseScenarioFile } from './load';

const HEAD = 'profile: viopay-pos\nscenarios:\n';
const scenario = (id: string, steps: string, clause = '1.2/nonce-replay') =>
  `  - id: ${id}\n    title: t\n    level: MUST\n    ref: { clause: ${clause} }\n    steps:\n${steps}`;

function lines(text: string): string[] {
  try {
    parseScenarioFile('f.spec.yaml', text);
    return [];
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.oneLine());
    if (error instanceof UserError) return [error.oneLine()];
    throw error;
  }
}

describe('parseScenarioFile', () => {
  it('loads a valid file with each scenario\'s line', () => {
    const loaded = parseScenarioFile('f.spec.yaml', HEAD + scenario('a.one', '      - charge: {}\n') + scenario('a.two', '      - charge: {}\n'));
    expect(loaded.map((s) => [s.id, s.line])).toEqual([['a.one', 3], ['a.two', 9]]);
  });

  it('a misspelt key: line, column, path and a suggestion', () => {
    expect(lines(HEAD + scenario('a.one', '      - charge: {}\n        expct: { status: 200 }\n'))).toEqual([
      'f.spec.yaml:9:9: scenarios[0].steps[0].expct: unknown field "expct" (did you mean "expect"?)',
    ]);
  });

  it('an unknown clause, a step with two operations, a capture of nothing, duplicate ids', () => {
    const text =
      HEAD +
      scenario('a.one', '      - charge: {}\n        cancel: { charge: x }\n', '1.2/nonce-replays') +
      scenario('a.one', '      - cancel: { charge: "${chrage.charge_id}" }\n');
    expect(lines(text)).toEqual([
      'f.spec.yaml:6:20: scenarios[0].ref.clause: unknown PROFILE clause "1.2/nonce-replays" (did you mean "1.2/nonce-replay"?)',
      'f.spec.yaml:8:9: scenarios[0].steps[0]: one operation per step, found charge and cancel',
      'f.spec.yaml:10:9: scenarios[1].id: duplicate check id "a.one"',
      'f.spec.yaml:15:9: scenarios[1].steps[0]: ${chrage...} names no earlier step (name a step with `as:` before using it)',
    ]);
  });

  it('a value of none of the allowed forms says what the forms are', () => {
    const [line] = lines(HEAD + scenario('a.one', '      - charge: {}\n        expect: { status: "two hundred" }\n'));
    expect(line).toMatch(/^f\.spec\.yaml:9:27: scenarios\[0\]\.steps\[0\]\.expect\.status: must be a status \(200\), the statuses PROFILE allows/);
  });

  it('YAML syntax errors have positions too', () => {
    expect(lines('profile: viopay-pos\nscenarios: [\n')[0]).toMatch(/^f\.spec\.yaml:\d+:\d+: invalid YAML/);
  });
});
