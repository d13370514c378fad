import type { CheckInfo } from '../core/types';
import type { Clause } from '../profile/clauses';
import { buildCoverage, coverageMarkdown, UNCOVERED_MARK, uncoveredClauses } from './coverage';

const clause = (id: string, level: Clause['level']): Clause => ({ id, section: id.split('/')[0]!, level, seed: 's.txt', text: `text of ${id} | piped` });
const check = (id: string, ref: string): CheckInfo => ({ id, title: id, level: 'MUST', ref: { seed: 's.txt', clause: ref }, tags: [], needs: [] });

const clauses = [clause('1.2/signature', 'MUST'), clause('1.2/nonce-replay', 'MUST'), clause('1.3/fresh-iv', 'SHOULD'), clause('1.4/unknown-id', 'MAY')];
const checks = [check('sig.b', '1.2/signature'), check('sig.a', '1.2/signature'), check('iv.fresh', '1.3/fresh-iv'), check('orphan', '9.9/none')];

describe('buildCoverage', () => {
  it('gives one row per clause with the ids of its checks in id order', () => {
    // Act
    const rows = buildCoverage(clauses, checks);
    // Assert
    expect(rows.map((r) => [r.clause, r.checks])).toEqual([
      ['1.2/signature', ['sig.a', 'sig.b']],
      ['1.2/nonce-replay', []],
      ['1.3/fresh-iv', ['iv.fresh']],
      ['1.4/unknown-id', []],
    ]);
    expect(rows[0]).toMatchObject({ section: '1.2', level: 'MUST' });
  });
});

describe('uncoveredClauses', () => {
  it('finds the MUST clause with no check and ignores an unchecked MAY', () => {
    const rows = buildCoverage(clauses, checks);
    expect(uncoveredClauses(rows).map((r) => r.clause)).toEqual(['1.2/nonce-replay']);
  });
});

describe('coverageMarkdown', () => {
  it('is a table with the uncovered MUST row marked and pipes escaped', () => {
    // Act
    const md = coverageMarkdown(buildCoverage(clauses, checks));
    // Assert
    const lines = md.split('\n');
    expect(lines[0]).toBe('| clause | level | text | checks |');
    expect(lines.find((l) => l.startsWith('| 1.2/nonce-replay '))).toContain(UNCOVERED_MARK);
    expect(lines.find((l) => l.startsWith('| 1.4/unknown-id '))).not.toContain(UNCOVERED_MARK);
    expect(md).toContain('| 1.2/signature | MUST | text of 1.2/signature \\| piped | `sig.a`, `sig.b` |');
    expect(md).toContain('1 MUST/SHOULD clause(s) have no check.');
  });
});
