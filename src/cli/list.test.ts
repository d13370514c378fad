/**
 * `paycert list`: every check, tag, clause, fault and variation of the registry, one per line or as
 * JSON, for one profile or all; an unknown kind or profile is one line, exit 2.
 */
import { allChecks } from '../checks/all-checks';
import { allProfiles } from '../profiles';
import { PACKAGE_ROOT } from './io';
import { listText } from './list';
import { main } from './main';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env: {} });
  return { code, out, err };
}

const checks = allChecks(PACKAGE_ROOT).all();
const lines = (text: string) => text.split('\n').filter((l) => l.length > 0);
const columns = (line: string) => line.split(/ {2,}/);

describe('paycert list checks', () => {
  it.each(allProfiles().map((p) => [p.name]))('--profile %s: one line per check of that profile: id, level, clause, title', async (name) => {
    // Arrange
    const expected = checks.filter((c) => c.profile === name);
    // Act
    const { code, out, err } = await cli('list', 'checks', '--profile', name);
    // Assert
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const rows = lines(out).map(columns);
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.map((c) => c.info.id).sort());
    const sample = expected[0]!;
    expect(rows.find((r) => r[0] === sample.info.id)).toEqual([sample.info.id, sample.info.level, sample.info.ref.clause, sample.info.title.replace(/\s+/g, ' ').trim()]);
  });

  it('without --profile: every profile\'s checks, the profile first on each line', async () => {
    const { code, out } = await cli('list', 'checks');
    expect(code).toBe(0);
    const rows = lines(out).map(columns);
    expect(rows).toHaveLength(checks.length);
    for (const c of checks.slice(0, 50)) expect(rows).toContainEqual(expect.arrayContaining([c.profile, c.info.id, c.info.level, c.info.ref.clause]));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(allProfiles().map((p) => p.name)));
  });

  it('--json: an array of objects with profile, id, level, clause, title and tags', async () => {
    const { code, out } = await cli('list', 'checks', '--json', '--profile', 'vpws');
    expect(code).toBe(0);
    const items = JSON.parse(out) as Array<Record<string, unknown>>;
    const vpws = checks.filter((c) => c.profile === 'vpws');
    expect(items).toHaveLength(vpws.length);
    const first = vpws[0]!;
    expect(items).toContainEqual({ profile: 'vpws', id: first.info.id, level: first.info.level, clause: first.info.ref.clause, title: first.info.title.replace(/\s+/g, ' ').trim(), tags: first.info.tags });
  });
});

describe('paycert list tags, clauses, faults, variations', () => {
  it('tags: each tag of the profile with the number of its checks', async () => {
    // Arrange
    const pos = checks.filter((c) => c.profile === 'viopay-pos');
    const tags = [...new Set(pos.flatMap((c) => c.info.tags))];
    // Act
    const { code, out } = await cli('list', 'tags', '--profile', 'viopay-pos', '--json');
    // Assert
    expect(code).toBe(0);
    const items = JSON.parse(out) as Array<{ tag: string; checks: number }>;
    expect(items.map((i) => i.tag).sort()).toEqual(tags.sort());
    for (const item of items) expect(item.checks).toBe(pos.filter((c) => c.info.tags.includes(item.tag)).length);
  });

  it.each(allProfiles().map((p) => [p.name, p]))('clauses --profile %s: id, level and text of each of its clauses', async (name, profile) => {
    const { code, out } = await cli('list', 'clauses', '--profile', name);
    expect(code).toBe(0);
    const rows = lines(out).map(columns);
    expect(rows.map((r) => r[0])).toEqual(profile.clauses.map((c) => c.id));
    expect(rows[0]).toEqual([profile.clauses[0]!.id, profile.clauses[0]!.level, profile.clauses[0]!.text.replace(/\s+/g, ' ').trim()]);
  });

  it.each(allProfiles().map((p) => [p.name, p]))('faults and variations --profile %s: its catalogue, names first', async (name, profile) => {
    // Act
    const faults = await cli('list', 'faults', '--profile', name);
    const variations = await cli('list', 'variations', '--profile', name, '--json');
    // Assert
    expect([faults.code, variations.code]).toEqual([0, 0]);
    const { faults: catalogueFaults, variations: catalogueVariations } = profile.target.catalogue;
    expect(lines(faults.out).map((l) => columns(l).slice(0, 3))).toEqual(catalogueFaults.map((f) => [f.name, f.level, f.clause]));
    expect(JSON.parse(variations.out)).toEqual(catalogueVariations.map((v) => ({ profile: name, name: v.name, clause: v.clause, title: v.title.replace(/\s+/g, ' ').trim() })));
  });

  it('without --profile, faults of every profile', async () => {
    const { out } = await cli('list', 'faults');
    const total = allProfiles().reduce((n, p) => n + p.target.catalogue.faults.length, 0);
    expect(lines(out)).toHaveLength(total);
  });
});

describe('paycert list: text and errors', () => {
  it('text: columns aligned, the last one unpadded, lists (tags) left out, the profile only when asked', () => {
    // Arrange
    const items = [
      { profile: 'p', id: 'x', level: 'MUST', title: 'first', tags: ['a'] },
      { profile: 'p', id: 'longer', level: 'SHOULD', title: 'second', tags: [] },
    ];
    // Act
    const plain = listText(items, false);
    const withProfile = listText(items, true);
    // Assert
    expect(plain).toBe('x       MUST    first\nlonger  SHOULD  second\n');
    expect(withProfile).toBe('p  x       MUST    first\np  longer  SHOULD  second\n');
  });

  it.each([
    [['list', 'chekcs'], 'paycert: list: unknown kind "chekcs" (did you mean "paycert list checks"?)\n'],
    [['list', 'zzz'], 'paycert: list: unknown kind "zzz" (one of checks, tags, clauses, faults, variations)\n'],
    [['list', 'checks', '--profile', 'vpw'], 'paycert: --profile vpw is not a profile (did you mean "vpws"?)\n'],
    [['list'], 'paycert: list: say what to list: checks, tags, clauses, faults, variations (e.g. paycert list checks --profile vpws)\n'],
    [['list', 'checks', 'tags'], 'paycert: list: unexpected argument "tags" (see paycert list --help)\n'],
  ])('%j: one line, exit 2', async (argv, stderr) => {
    const result = await cli(...argv);
    expect(result).toEqual({ code: 2, out: '', err: stderr });
  });

  it('--help lists the kinds', async () => {
    const { code, out } = await cli('list', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: paycert list checks\|tags\|clauses\|faults\|variations/);
  });
});
