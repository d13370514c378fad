/**
 * docs/profile.md: the rules paycert certifies, written from the clause list every check cites, so
 * a clone of the repository holds what a target is held to (the seeds and PROFILE.md live outside
 * it). Each payment API hands over its part (`ProfileDocPart`: its seeds, its clauses, how a config
 * and the state hook reach it); this module names none of them. A test keeps the committed file
 * equal to what this writes for the registered profiles.
 */
import type { Clause } from './clauses';

/** One payment API's part of docs/profile.md. */
export interface ProfileDocPart {
  /** Its PROFILE section number ("2") and the heading after it. */
  section: string;
  heading: string;
  /** The seed documents its clauses come from: file, the API's short name, what the file describes. */
  seeds: ReadonlyArray<readonly [file: string, api: string, what: string]>;
  clauses: readonly Clause[];
  /** Sub-section titles ("1.1" to "Requests"): the clauses are then listed in one table per sub-section. */
  sectionTitles?: Readonly<Record<string, string>>;
  /** Lines printed under the heading, before the clauses. */
  intro?: readonly string[];
  /** For clauses that bind one side: the "binds" column's word for each side. */
  sides?: Readonly<Record<NonNullable<Clause['side']>, string>>;
  /** Its target config's own fields, as a phrase ("for X `tokens` (`a`, `b`)"). */
  configFields: string;
  /** Its state hook's states with their parameters, as a phrase. */
  states: string;
}

/** The width docs/profile.md's prose is wrapped at. */
const WIDTH = 103;
const NUMBERS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

/** `text` wrapped greedily at WIDTH columns. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(clauses: readonly Clause[], sides?: ProfileDocPart['sides']): string[] {
  const head = sides ? ['| clause | level | binds | seed | rule |', '|---|---|---|---|---|'] : ['| clause | level | seed | rule |', '|---|---|---|---|'];
  const rows = clauses.map((c) => {
    return sides ? `| \`${c.id}\` | ${c.level} | ${sides[c.side ?? 'both']} | \`${c.seed}\` | ${cell(c.text)} |` : `| \`${c.id}\` | ${c.level} | \`${c.seed}\` | ${cell(c.text)} |`;
  });
  return [...head, ...rows];
}

function bySection(clauses: readonly Clause[], titles: Readonly<Record<string, string>>): string[] {
  const sections = [...new Set(clauses.map((c) => c.section))];
  return sections.flatMap((section) => [`### ${section} ${titles[section] ?? ''}`.trimEnd(), '', ...table(clauses.filter((c) => c.section === section)), '']);
}

/** One API's section: its heading, its intro, its clauses. */
function partSection(part: ProfileDocPart): string[] {
  const clauses = part.sectionTitles ? bySection(part.clauses, part.sectionTitles) : [...table(part.clauses, part.sides), ''];
  return [`## ${part.section}. ${part.heading}`, '', ...(part.intro ? [...part.intro, ''] : []), ...clauses];
}

/** The whole of docs/profile.md, for these APIs in this order. */
export function profileMarkdown(parts: readonly ProfileDocPart[]): string {
  return [
    '# The rules paycert certifies',
    '',
    '<!-- Written by src/profile/profile-doc.ts from the clauses of each profile (src/profiles/<name>/clauses.ts); `npm test` fails when this file differs. Do not edit by hand. -->',
    '',
    `${NUMBERS[parts.length] ?? parts.length} payment APIs are described in prose documents (the *seeds*). The project reads them one way`,
    '(its *PROFILE*), fixing every gap, and each rule of that reading is a **clause** with a stable id.',
    'Every check paycert runs cites one clause (`ref.clause` in a scenario, `clause` in a probe or a',
    'property); the coverage table of every report is built from this list. Where PROFILE is silent,',
    "paycert's own choices are in [profile-decisions.md](profile-decisions.md): a check never fails a",
    'target for choosing differently on any of those.',
    '',
    '**Levels.** MUST: a seed states it, or the API cannot work without it; a failure fails',
    'certification. SHOULD: security or interoperability practice the seeds imply; a failure is a',
    'warning (with `--strict` it fails). MAY: the seeds allow more than one behaviour; paycert accepts',
    'every one and never fails a target for choosing one of them. A check that needs something the',
    'target did not provide (a state hook) is skipped, with the reason, never passed.',
    '',
    '## The seeds',
    '',
    '| seed file | API | what it describes |',
    '|---|---|---|',
    ...parts.flatMap((part) => part.seeds.map(([file, api, what]) => `| \`${file}\` | ${api} | ${what} |`)),
    '',
    ...parts.flatMap(partSection),
    `## ${parts.length + 1}. How paycert reaches a target`,
    '',
    ...wrap(`A target is described by a YAML file (README, "Certify your own target"): \`profile\`, \`base_url\`, ${parts.map((p) => p.configFields).join(', ')}; secrets may be \`\${ENV_VAR}\`.`),
    '',
    ...wrap(`**State hook.** Checks that need a state no public call reaches use \`POST {state_url}\` with \`{"action":"setup","state":NAME,"params":{...}}\` (the provider-state format Pact uses), answered 2xx with a JSON object of values the target generated: ${parts.map((p) => p.states).join(', ')}. Without a state URL, the checks that need one are skipped.`),
    '',
  ].join('\n');
}
