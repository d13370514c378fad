import { describeMutant, mutantsOf, type StrykerReport } from './mutants';

const SOURCE = [
  "export function decideCancel(state: string): string {",
  "  if (state === 'cancelled') return 'repeat';",
  "  return 'cancel';",
  "}",
  "export const rules = {",
  "  decide: (x: number) => x > 0,",
  "};",
].join('\n');

/** A report as Stryker writes it: 1-based lines and columns, end exclusive. */
function report(mutants: StrykerReport['files'][string]['mutants']): StrykerReport {
  return { files: { 'src/profiles/viopay-pos/target/rules/cancel.ts': { source: SOURCE, mutants } } };
}

describe('mutantsOf', () => {
  it('reads the original text, the replacement and the enclosing declarations of each mutant', () => {
    // Arrange
    const input = report([
      { id: '1', mutatorName: 'EqualityOperator', replacement: "state !== 'cancelled'", location: { start: { line: 2, column: 7 }, end: { line: 2, column: 28 } }, status: 'Survived' },
      { id: '2', mutatorName: 'EqualityOperator', replacement: 'x >= 0', location: { start: { line: 6, column: 26 }, end: { line: 6, column: 31 } }, status: 'Killed', killedBy: ['pos.a'] },
    ]);

    // Act
    const [first, second] = mutantsOf(input);

    // Assert
    expect(first).toMatchObject({ file: 'src/profiles/viopay-pos/target/rules/cancel.ts', line: 2, column: 7, original: "state === 'cancelled'", replacement: "state !== 'cancelled'", in: 'decideCancel', status: 'Survived', killedBy: [] });
    expect(second).toMatchObject({ original: 'x > 0', in: 'rules.decide', status: 'Killed', killedBy: ['pos.a'] });
  });

  it('collapses a multi-line original to one line and does not name the mutated declaration itself', () => {
    // Arrange: the whole function body of decideCancel
    const input = report([{ id: '3', mutatorName: 'BlockStatement', replacement: '{}', location: { start: { line: 1, column: 53 }, end: { line: 4, column: 2 } }, status: 'Survived' }]);

    // Act
    const [mutant] = mutantsOf(input);

    // Assert
    expect(mutant!.original).toBe("{ if (state === 'cancelled') return 'repeat'; return 'cancel'; }");
    expect(mutant!.in).toBe('decideCancel');
  });

  it('sorts by file, then position, and prints a survivor as file:line:col mutator: original -> replacement', () => {
    // Arrange
    const input = report([
      { id: '5', mutatorName: 'StringLiteral', replacement: '""', location: { start: { line: 3, column: 10 }, end: { line: 3, column: 18 } }, status: 'Survived' },
      { id: '4', mutatorName: 'StringLiteral', replacement: '""', location: { start: { line: 2, column: 17 }, end: { line: 2, column: 28 } }, status: 'Survived' },
    ]);

    // Act
    const lines = mutantsOf(input).map(describeMutant);

    // Assert
    expect(lines).toEqual([
      `src/profiles/viopay-pos/target/rules/cancel.ts:2:17 StringLiteral: 'cancelled' -> "" (in decideCancel)`,
      `src/profiles/viopay-pos/target/rules/cancel.ts:3:10 StringLiteral: 'cancel' -> "" (in decideCancel)`,
    ]);
  });
});
