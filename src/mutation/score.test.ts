import { UserError } from '../core/errors';
import type { Mutant } from './mutants';
import { formatScore, formatSummary, summarise } from './score';
import { entryFor, matches, parseTriage } from './triage';

const FILE = 'src/profiles/viopay-pos/target/rules/cancel.ts';

function mutant(fields: Partial<Mutant>): Mutant {
  return { file: FILE, line: 1, column: 1, mutator: 'StringLiteral', original: "'no such charge'", replacement: '""', in: 'unknownCharge', status: 'Survived', killedBy: [], static: false, ...fields };
}

const triage = (text: string) => parseTriage('mutation/triage.yaml', text);

describe('parseTriage', () => {
  it('reads entries, one per original of a list, each with its line', () => {
    // Arrange
    const text = [
      '- file: src/profiles/viopay-pos/target/rules/cancel.ts',
      '  mutator: StringLiteral',
      '  original:',
      "    - \"'no such charge'\"",
      "    - \"'a declined charge cannot be cancelled'\"",
      '  reason: unobservable',
      '  why: PROFILE 1.4 leaves message texts free.',
    ].join('\n');

    // Act
    const entries = triage(text);

    // Assert
    expect(entries).toEqual([
      { file: FILE, mutator: 'StringLiteral', original: "'no such charge'", reason: 'unobservable', why: 'PROFILE 1.4 leaves message texts free.', at: 'mutation/triage.yaml:4' },
      { file: FILE, mutator: 'StringLiteral', original: "'a declined charge cannot be cancelled'", reason: 'unobservable', why: 'PROFILE 1.4 leaves message texts free.', at: 'mutation/triage.yaml:5' },
    ]);
  });

  it.each([
    ['an unknown reason', '- { file: a.ts, in: f, reason: boring, why: x }', 'reason must be one of equivalent, unobservable'],
    ['no in and no original', '- { file: a.ts, mutator: StringLiteral, reason: equivalent, why: x }', 'name the mutants by "in" or "original"'],
    ['a missing why', '- { file: a.ts, in: f, reason: equivalent }', 'why is required'],
    ['an unknown key', '- { file: a.ts, in: f, line: 3, reason: equivalent, why: x }', 'unknown key "line"'],
  ])('refuses %s with its line', (_name, text, message) => {
    // Act
    const read = () => triage(`# triage\n${text}`);

    // Assert
    expect(read).toThrow(UserError);
    expect(read).toThrow(message);
    try {
      read();
    } catch (error) {
      expect((error as UserError).where).toMatchObject({ file: 'mutation/triage.yaml', line: 2 });
    }
  });

  it('matches `in` exactly, or with `.*` the path and everything inside it, never a name that only starts the same', () => {
    // Arrange
    const [exact, inside] = triage(
      ['- { file: src/profiles/vpws/target/handle.ts, in: cancel, reason: equivalent, why: x }', "- { file: src/profiles/vpws/target/refusals.ts, in: 'TEXTS.*', reason: unobservable, why: texts are free }"].join('\n'),
    );
    const at = (file: string, path: string) => mutant({ file, in: path });

    // Act / Assert
    expect(matches(exact!, at('src/profiles/vpws/target/handle.ts', 'cancel'))).toBe(true);
    expect(matches(exact!, at('src/profiles/vpws/target/handle.ts', 'cancel.notOwner'))).toBe(false);
    expect(matches(inside!, at('src/profiles/vpws/target/refusals.ts', 'TEXTS'))).toBe(true);
    expect(matches(inside!, at('src/profiles/vpws/target/refusals.ts', 'TEXTS.other.success'))).toBe(true);
    expect(matches(inside!, at('src/profiles/vpws/target/refusals.ts', 'TEXTS_MORE.a'))).toBe(false);
    expect(matches(inside!, at(FILE, 'TEXTS'))).toBe(false);
  });

  it('writes a survivor as an entry that names exactly it once pasted', () => {
    // Arrange
    const survivor = mutant({ mutator: 'ConditionalExpression', original: "ctx.options.may.repeatCancel === 'repeat'", replacement: 'true', in: 'decideCancel' });

    // Act
    const [entry] = triage(entryFor(survivor).replace('why: ""', 'why: a MAY choice'));

    // Assert
    expect(matches(entry!, survivor)).toBe(true);
    expect(matches(entry!, { ...survivor, replacement: 'false' })).toBe(false);
  });
});

describe('summarise', () => {
  const entries = triage(
    [
      "- { file: src/profiles/viopay-pos/target/rules/cancel.ts, original: \"'no such charge'\", reason: unobservable, why: texts are free }",
      '- { file: src/profiles/viopay-pos/target/rules/cancel.ts, in: decideCancel, mutator: ConditionalExpression, reason: equivalent, why: the other MAY choice }',
      "- { file: src/profiles/viopay-pos/target/rules/cancel.ts, original: \"'gone'\", reason: unobservable, why: was a message }",
      "- { file: src/profiles/viopay-pos/target/other.ts, original: \"'x'\", reason: unobservable, why: not mutated in this run }",
    ].join('\n'),
  );

  it('scores killed and timed out over the mutants not triaged, and lists the rest', () => {
    // Arrange: 20 mutants: 16 killed, 1 timed out, 1 ignored, 2 survivors of which 1 triaged
    const mutants = [
      ...Array.from({ length: 16 }, (_, i) => mutant({ status: 'Killed', line: i + 10, original: `'x${i}'` })),
      mutant({ status: 'Timeout', original: 'while (x)' }),
      mutant({ status: 'Ignored', original: 'ignored' }),
      mutant({ status: 'Survived' }),
      mutant({ status: 'NoCoverage', original: "'repeat'", mutator: 'StringLiteral' }),
    ];

    // Act
    const s = summarise('viopay-pos', mutants, entries);

    // Assert
    expect(s).toMatchObject({ total: 19, killed: 16, timedOut: 1, survived: 1, noCoverage: 1, triaged: { equivalent: 0, unobservable: 1 } });
    expect(s.score).toBeCloseTo((100 * 17) / 18);
    expect(s.passed).toBe(false);
    expect(s.untriaged.map((m) => m.original)).toEqual(["'repeat'"]);
  });

  it('reports as stale the entries about a mutated file that name no survivor, and says when they name killed mutants', () => {
    // Arrange
    const mutants = [mutant({ status: 'Survived' }), mutant({ status: 'Killed', original: "'gone'" })];

    // Act
    const s = summarise('viopay-pos', mutants, entries);

    // Assert
    expect(s.stale.map((x) => [x.entry.at, x.namesKilled])).toEqual([
      ['mutation/triage.yaml:2', 0],
      ['mutation/triage.yaml:3', 1],
    ]);
    expect(s.passed).toBe(true);
    expect(formatSummary(s)).toContain('stale triage entry mutation/triage.yaml:3 (src/profiles/viopay-pos/target/rules/cancel.ts: \'gone\'): a check now kills the 1 mutant(s) it names; remove it');
  });

  it('passes at exactly 95% and never rounds a lower score up to it', () => {
    // Arrange: 19 of 20 killed, then 189 of 199
    const run = (killed: number, total: number) =>
      summarise('vpws', Array.from({ length: total }, (_, i) => mutant({ status: i < killed ? 'Killed' : 'Survived', original: `'m${i}'` })), []);

    // Act
    const exactly = run(19, 20);
    const under = run(189, 199);

    // Assert
    expect(exactly.passed).toBe(true);
    expect(under.passed).toBe(false);
    expect(formatScore(under.score)).toBe('94.9%');
  });

  it('prints counts, the score and each untriaged survivor under its file', () => {
    // Arrange
    const s = summarise('viopay-pos', [mutant({ status: 'Killed', original: "'a'" }), mutant({ status: 'Survived', original: "'b'", line: 9, column: 3 })], []);

    // Act
    const text = formatSummary(s, 61.4);

    // Assert
    expect(text.split('\n')).toEqual([
      'viopay-pos: 50.0% FAILED (below 95%) in 61 s',
      '  mutants 2: killed 1, timed out 0, survived 1, no coverage 0, errors 0; triaged 0 (equivalent 0, unobservable 0)',
      '  untriaged survivors (1):',
      `    ${FILE}`,
      `      ${FILE}:9:3 StringLiteral: 'b' -> "" (in unknownCharge)`,
    ]);
  });
});
