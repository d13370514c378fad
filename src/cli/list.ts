/**
 * `paycert list checks|tags|clauses|faults|variations [--profile P] [--json]`: what a user may name
 * in `--check`, `--tag`, `serve --fault`/`--variant` and `selftest --only`, and the clauses checks
 * cite. Plain text is one item per line, columns separated by two spaces; `--json` is an array of
 * objects, each with its profile.
 */
import { allChecks } from '../checks/all-checks';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { allProfiles, profileNames, type Profile } from '../profiles';
import { parse } from './args';
import { LIST_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';

/** What `paycert list` lists. */
export const LIST_KINDS = ['checks', 'tags', 'clauses', 'faults', 'variations'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** One listed item: its fields, in the order the text columns show them (`profile` first). */
type Item = Record<string, string | number | readonly string[]>;

/** What an error naming an unknown thing tells the user to run: `run 'paycert list KIND [--profile P]'`. */
export function listHint(kind: ListKind, profile?: string): string {
  return `run 'paycert list ${kind}${profile === undefined ? '' : ` --profile ${profile}`}'`;
}

/** The hint of an error naming an unknown `word`: the nearest of `names` if one is close, and always the list command. */
export function unknownHint(word: string, names: readonly string[], kind: ListKind, profile?: string): string {
  const guess = didYouMean(word, names);
  return guess ? `did you mean "${guess}"? or ${listHint(kind, profile)}` : listHint(kind, profile);
}

/** The profiles `--profile` names (all without it), or a one-line error with the nearest name. @throws UserError */
export function profilesNamed(asked: string | undefined, option = '--profile'): readonly Profile[] {
  if (asked === undefined) return allProfiles();
  const found = allProfiles().find((p) => p.name === asked);
  if (found) return [found];
  const guess = didYouMean(asked, profileNames());
  throw new UserError(`${option} ${asked} is not a profile`, undefined, undefined, guess ? `did you mean "${guess}"?` : `profiles: ${profileNames().join(', ')}`);
}

/** Text for one column: one line, whitespace runs as one space (a title never breaks a line). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The items of `kind` for these profiles, in registry order, each profile's in its own order. */
export function listItems(kind: ListKind, profiles: readonly Profile[]): Item[] {
  const names = new Set(profiles.map((p) => p.name));
  switch (kind) {
    case 'checks':
      return allChecks(PACKAGE_ROOT)
        .all()
        .filter((c) => names.has(c.profile))
        .sort((a, b) => profileOrder(a.profile) - profileOrder(b.profile) || a.info.id.localeCompare(b.info.id))
        .map((c) => ({ profile: c.profile, id: c.info.id, level: c.info.level, clause: c.info.ref.clause, title: oneLine(c.info.title), tags: [...c.info.tags] }));
    case 'tags': {
      const counts = new Map<string, number>();
      for (const c of allChecks(PACKAGE_ROOT).all()) {
        if (!names.has(c.profile)) continue;
        for (const tag of c.info.tags) counts.set(`${c.profile}\u0000${tag}`, (counts.get(`${c.profile}\u0000${tag}`) ?? 0) + 1);
      }
      return [...counts.entries()]
        .map(([key, count]) => {
          const [profile, tag] = key.split('\u0000') as [string, string];
          return { profile, tag, checks: count };
        })
        .sort((a, b) => profileOrder(a.profile) - profileOrder(b.profile) || a.tag.localeCompare(b.tag));
    }
    case 'clauses':
      return profiles.flatMap((p) => p.clauses.map((c) => ({ profile: p.name, id: c.id, level: c.level, text: oneLine(c.text) })));
    case 'faults':
      return profiles.flatMap((p) => p.target.catalogue.faults.map((f) => ({ profile: p.name, name: f.name, level: f.level, clause: f.clause, title: oneLine(f.title) })));
    case 'variations':
      return profiles.flatMap((p) => p.target.catalogue.variations.map((v) => ({ profile: p.name, name: v.name, clause: v.clause, title: oneLine(v.title) })));
  }
}

function profileOrder(name: string): number {
  return profileNames().indexOf(name);
}

/** The items as aligned columns, one line each; the profile column only when several profiles are listed. Arrays (tags) are left out: `--json` has them. */
export function listText(items: readonly Item[], withProfile: boolean): string {
  const rows = items.map((item) =>
    Object.entries(item)
      .filter(([key, value]) => !Array.isArray(value) && (withProfile || key !== 'profile'))
      .map(([, value]) => String(value)),
  );
  const widths: number[] = [];
  // The last column (a title) is not padded, so it is not counted.
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `${row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ')}\n`).join('');
}

export function listCommand(argv: readonly string[], io: Io): number {
  const { values, positionals } = parse('list', argv, { profile: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (values.help) {
    io.out.write(LIST_HELP);
    return EXIT.certified;
  }
  const [kind, ...extra] = positionals;
  if (kind === undefined) throw new UserError(`list: say what to list: ${LIST_KINDS.join(', ')}`, undefined, undefined, 'e.g. paycert list checks --profile vpws');
  if (!(LIST_KINDS as readonly string[]).includes(kind)) {
    const guess = didYouMean(kind, LIST_KINDS);
    throw new UserError(`list: unknown kind "${kind}"`, undefined, undefined, guess ? `did you mean "paycert list ${guess}"?` : `one of ${LIST_KINDS.join(', ')}`);
  }
  if (extra.length > 0) throw new UserError(`list: unexpected argument "${extra[0]}"`, undefined, undefined, 'see paycert list --help');
  const profiles = profilesNamed(values.profile);
  const items = listItems(kind as ListKind, profiles);
  io.out.write(values.json ? `${JSON.stringify(items, null, 2)}\n` : listText(items, values.profile === undefined));
  return EXIT.certified;
}
