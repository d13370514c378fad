import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, UserErrors } from '../core/errors';
import { loadBaseline, type KnownCheck } from './baseline-file';

const CHECKS: KnownCheck[] = [
  { id: 'pos.nonce.replay-refused', profile: 'viopay-pos' },
  { id: 'pos.charge.approved', profile: 'viopay-pos' },
  { id: 'vpws.cancel.success', profile: 'vpws' },
];

/** The one-line messages of what loadBaseline threw. */
function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.oneLine());
    if (error instanceof UserError) return [error.oneLine()];
    throw error;
  }
  throw new Error('no error');
}

describe('loadBaseline', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'paycert-baseline-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (text: string) => {
    const path = join(dir, 'baseline.yaml');
    writeFileSync(path, text);
    return path;
  };

  it('reads entries with reason, ticket (a number becomes text) and an unquoted date', () => {
    // Arrange
    const path = file(['# known failures', '- check: pos.nonce.replay-refused', '  reason: replay store rewrite', '  ticket: 123', '  expires: 2026-03-31', '- check: pos.charge.approved', '  reason: "TODO: why"', ''].join('\n'));
    // Act
    const baseline = loadBaseline(path, CHECKS, 'viopay-pos');
    // Assert
    expect(baseline).toEqual({
      file: path,
      entries: [
        { check: 'pos.nonce.replay-refused', reason: 'replay store rewrite', ticket: '123', expires: '2026-03-31' },
        { check: 'pos.charge.approved', reason: 'TODO: why' },
      ],
    });
  });

  it('an empty file, comments only, or [] is an empty baseline', () => {
    expect(loadBaseline(file(''), CHECKS, 'viopay-pos').entries).toEqual([]);
    expect(loadBaseline(file('# nothing known\n'), CHECKS, 'viopay-pos').entries).toEqual([]);
    expect(loadBaseline(file('[]\n'), CHECKS, 'viopay-pos').entries).toEqual([]);
  });

  it('a schema problem is one line at file:line:col: unknown field, missing reason, a date in another form', () => {
    // Arrange
    const path = file(['- check: pos.charge.approved', '  reasn: typo', '- check: pos.nonce.replay-refused', '  reason: r', '  expires: 31/03/2026', ''].join('\n'));
    // Act
    const lines = problems(() => loadBaseline(path, CHECKS, 'viopay-pos'));
    // Assert
    expect(lines).toEqual([
      `${path}:1:3: [0].reason: "reason" is required`,
      `${path}:2:3: [0].reasn: unknown field "reasn" (did you mean "reason"?)`,
      `${path}:5:12: [1].expires: must be a date YYYY-MM-DD, e.g. 2026-03-31`,
    ]);
  });

  it('an unknown check id, with a suggestion; one of another profile; a check listed twice; an impossible date', () => {
    // Arrange
    const path = file(
      [
        '- check: pos.nonce.replay-refuse',
        '  reason: r',
        '- check: vpws.cancel.success',
        '  reason: r',
        '- check: pos.charge.approved',
        '  reason: r',
        '- check: pos.charge.approved',
        '  reason: again',
        '  expires: 2026-02-30',
        '',
      ].join('\n'),
    );
    // Act
    const lines = problems(() => loadBaseline(path, CHECKS, 'viopay-pos'));
    // Assert
    expect(lines).toEqual([
      `${path}:1:10: [0].check: "pos.nonce.replay-refuse" is not a registered check id (did you mean "pos.nonce.replay-refused"?)`,
      `${path}:3:10: [1].check: "vpws.cancel.success" is a check of profile vpws, not of viopay-pos`,
      `${path}:7:10: [3].check: "pos.charge.approved" is listed twice (first as entry 3) (keep one entry per check)`,
      `${path}:9:12: [3].expires: 2026-02-30 is not a date of the calendar`,
    ]);
  });

  it('not a list, bad YAML, or no file: one line naming the file', () => {
    expect(problems(() => loadBaseline(file('check: pos.charge.approved\n'), CHECKS, 'viopay-pos'))[0]).toMatch(/baseline\.yaml:1:1: a baseline is a YAML list of entries/);
    expect(problems(() => loadBaseline(file('- check: [\n'), CHECKS, 'viopay-pos'))[0]).toMatch(/baseline\.yaml:\d+:\d+: invalid YAML/);
    expect(problems(() => loadBaseline(join(dir, 'none.yaml'), CHECKS, 'viopay-pos'))).toEqual([`${join(dir, 'none.yaml')}: cannot read the baseline file: ENOENT`]);
  });
});
