/** Selection by tag, id and excluded tag: exact words as before, globs (`*`, `?`), and the one-line refusals of a filter that names nothing. */
import { UserError } from '../core/errors';
import type { Check } from './check';
import { checkSelection, matches, selectChecks } from './select';

const check = (id: string, tags: string[], profile = 'p'): Check => ({ info: { id, title: id, level: 'MUST', ref: { clause: 'x' } as never, tags, needs: [] }, profile, file: 'f', run: async () => undefined as never });
const CHECKS = [check('pos.cards.ok', ['cards']), check('pos.cards.refund.twice', ['cards', 'refund']), check('pos.refund.partial', ['refund', 'refund-partial']), check('pos.nonce.replay', ['nonce', 'pact']), check('other.x', ['cards'], 'q')];
const ids = (filters: { tags?: string[]; checks?: string[]; excludeTags?: string[] }) =>
  selectChecks(CHECKS, { tags: filters.tags ?? [], checks: filters.checks ?? [], ...(filters.excludeTags && { excludeTags: filters.excludeTags }) }, 'p').map((c) => c.info.id);

describe('matches', () => {
  it.each([
    ['pos.cards.*', 'pos.cards.refund.twice', true],
    ['pos.cards.*', 'pos.cardsX', false],
    ['pos.?ards.ok', 'pos.cards.ok', true],
    ['pos.cards.ok', 'pos.cards.okay', false],
    ['pos.cards.ok', 'posXcards.ok', false],
    ['refund*', 'refund-partial', true],
    ['*', 'anything', true],
  ])('%s on %s: %s', (pattern, word, expected) => {
    expect(matches(pattern, word)).toBe(expected);
  });
});

describe('selectChecks', () => {
  it('keeps exact ids and tags as before, and only the profile asked for', () => {
    expect(ids({ checks: ['pos.cards.ok'] })).toEqual(['pos.cards.ok']);
    expect(ids({ tags: ['refund'] })).toEqual(['pos.cards.refund.twice', 'pos.refund.partial']);
    expect(ids({})).toHaveLength(4);
  });

  it('takes globs in --check and --tag', () => {
    expect(ids({ checks: ['pos.cards.*'] })).toEqual(['pos.cards.ok', 'pos.cards.refund.twice']);
    expect(ids({ tags: ['refund-*'] })).toEqual(['pos.refund.partial']);
  });

  it('--exclude-tag (exact or glob) removes the checks with that tag, whatever else selects them', () => {
    expect(ids({ excludeTags: ['refund'] })).toEqual(['pos.cards.ok', 'pos.nonce.replay']);
    expect(ids({ checks: ['pos.*'], excludeTags: ['pa?t', 'refund*'] })).toEqual(['pos.cards.ok']);
  });
});

describe('checkSelection', () => {
  const registered = CHECKS.filter((c) => c.profile === 'p');
  const refusal = (filters: Partial<{ tags: string[]; checks: string[]; excludeTags: string[] }>) => {
    try {
      checkSelection(registered, { tags: [], checks: [], excludeTags: [], ...filters });
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as UserError).oneLine();
    }
  };

  it('accepts filters that name something', () => {
    expect(refusal({ tags: ['refund*'], checks: ['pos.cards.ok', 'pos.*'], excludeTags: ['pact'] })).toBeUndefined();
  });

  it('a glob that matches nothing is one line with a hint', () => {
    expect(refusal({ checks: ['pos.cardz.*'] })).toBe(`--check pos.cardz.* matches no check id of this run (* is any characters, ? one; run 'paycert list checks --profile p')`);
    expect(refusal({ tags: ['zz*'] })).toBe(`--tag zz* matches no tag of this run (* is any characters, ? one; run 'paycert list tags --profile p')`);
  });

  it('an unknown exact word gets the closest one', () => {
    expect(refusal({ checks: ['pos.cards.okk'] })).toBe(`--check pos.cards.okk is not a check id of this run (did you mean "pos.cards.ok"? or run 'paycert list checks --profile p')`);
    expect(refusal({ excludeTags: ['refnd'] })).toBe(`--exclude-tag refnd is not a tag of this run (did you mean "refund"? or run 'paycert list tags --profile p')`);
    expect(refusal({ tags: ['qqqqqqq'] })).toBe(`--tag qqqqqqq is not a tag of this run (run 'paycert list tags --profile p')`);
  });
});
