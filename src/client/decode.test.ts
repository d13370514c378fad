/** Reading an answer's body: JSON or not, and what an answer cut at the budget is said to be. */
import { parseJson, truncationProblem } from './decode';

describe('parseJson', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    [' \n[1,2]', [1, 2]],
    ['"text"', 'text'],
    ['-1.5', -1.5],
    ['null', null],
  ])('parses %j', (text, value) => {
    expect(parseJson(Buffer.from(text))).toEqual({ value });
  });

  it.each([
    ['', 'empty'],
    ['<html>', 'HTML'],
    ['\x1f\x8b\x08\x00', 'a gzip stream'],
    ['\ufeff{}', 'a BOM before JSON'],
    ['{"a":', 'cut JSON'],
  ])('refuses %j (%s)', (text) => {
    expect(parseJson(Buffer.from(text, 'latin1'))).toBeUndefined();
  });
});

describe('truncationProblem', () => {
  const answer = { status: 200, headers: {}, body: Buffer.alloc(10), durationMs: 1 };

  it('is null for a whole answer', () => {
    expect(truncationProblem({ ...answer, truncated: false })).toBeNull();
  });

  it('names the budget an answer was cut at, and the length it announced', () => {
    expect(truncationProblem({ ...answer, truncated: true, budget: 4 * 1024 * 1024 })?.message).toBe('answer larger than 4 MiB: truncated (the answer budget, --max-answer-bytes)');
    expect(truncationProblem({ ...answer, truncated: true, budget: 65_536, announcedBytes: 200_000 })?.message).toBe('answer of 200000 bytes (its Content-Length), larger than 64 KiB: truncated (the answer budget, --max-answer-bytes)');
  });
});
