/**
 * The target side of a `Profile` (./profile.ts): everything the shell (config, run, CLI, selftest,
 * mutation, jest's global setup) needs from a payment API. Its part of the target config, its
 * reference target and the catalogue of faults and legal variations that start it broken or varied,
 * the one request that must work before a run (the preflight), and its own commands.
 */
import type { ResolvedTarget, SettingsDisclosure, TestCards } from '../config/resolved';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';

export type { ResolvedTarget, SettingsDisclosure, TestCards } from '../config/resolved';

/** Where a config's values are, for errors that name the line. */
export interface ConfigSource {
  /** The config file. */
  readonly file: string;
  /** The line and column of the value at `path` (e.g. `['tokens', 'dealer_a']`). */
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

/** The profile's part of the target config (PROFILE section 4). */
export interface TargetConfigSide<Settings> {
  /** JSON Schema of the profile's top-level fields; merged with every profile's into the config schema. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** A schema a config of this profile must satisfy too (its required fields), or none. */
  readonly requires?: Readonly<Record<string, unknown>>;
  /** The fix to suggest for a field the schema refuses, by field name. */
  readonly hints?: Readonly<Record<string, string>>;
  /** The settings from a config the schema accepted (`raw` is its whole mapping). @throws UserError */
  resolve(raw: Readonly<Record<string, unknown>>, source: ConfigSource): Settings;
  /** The settings `--target URL` alone uses: the reference target's published test values. */
  published(): Settings;
  /** The test cards of a target without a config (a bare URL, or the embedded reference target). */
  readonly publishedCards: TestCards;
  /** What of the settings is secret (for the redactor) and what says who was certified (for the report). */
  disclose(settings: Settings): SettingsDisclosure;
}

/** A fault of the reference target's catalogue: one rule replaced. */
export interface CatalogueFault {
  readonly name: string;
  readonly title: string;
  /** The PROFILE clause it breaks. */
  readonly clause: string;
  readonly level: 'MUST' | 'SHOULD';
  /** The checks that must catch it (each one that does not is a harness bug). */
  readonly caughtBy?: readonly string[];
}

/** A legal variation of the reference target's catalogue: a choice PROFILE leaves free. */
export interface CatalogueVariation {
  readonly name: string;
  readonly title: string;
  /** The PROFILE clause that leaves it free. */
  readonly clause: string;
}

/** How to start the reference target. */
export interface ReferenceStartOptions {
  /** A fault of the catalogue, by name. @throws UserError for an unknown name */
  fault?: string;
  /** Legal variations of the catalogue, by name (later ones win where they overlap). */
  variations?: readonly string[];
  /** Default: an ephemeral port. */
  port?: number;
  /** Default: 127.0.0.1. */
  host?: string;
  /**
   * Answer as fast as it safely can (an embedded run); without it, the latency a faulty variant
   * needs for a race to show (selftest, mutation, tests).
   */
  quick?: boolean;
  /** The values of the profile's own `paycert serve` options (`serveOptions`), by name. */
  serveOptions?: Readonly<Record<string, string | undefined>>;
}

/** A started reference target; the caller closes it. */
export interface StartedReference {
  readonly url: string;
  readonly stateUrl?: string;
  /** The target as a run against it resolves it (its published test values, or those made for this start). */
  readonly target: ResolvedTarget;
  /** What `paycert serve` prints about it: where it listens, its credentials' names, its fault, how to certify it. */
  readonly banner: string;
  close(): Promise<void>;
}

/** The budget of the preflight request, the run's. */
export interface PreflightBudget {
  timeoutMs: number;
  maxAnswerBytes?: number;
}

/** Where a command writes. */
export interface CommandIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** Option specs as node:util parseArgs takes them. */
export type CommandOptions = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** What the shell lends a command so it reads like every other: its option parser (one-line errors, "did you mean"). */
export interface CommandShell {
  /** Parses `argv` (`--help`/`-h` added); `command` names it in errors ("viva lint"). @throws UserError */
  parse(command: string, argv: readonly string[], options: CommandOptions, allowPositionals?: boolean): { values: Record<string, unknown>; positionals: string[] };
}

/** A command of the profile's own (`paycert <name> ...`), e.g. a client-side linter. */
export interface ProfileCommand {
  /** The first word after `paycert`; must not be a built-in command's. */
  readonly name: string;
  /** One line for `paycert --help` (after the name). */
  readonly summary: string;
  /** Runs it; the exit code (0 certified, 1 not, 2 the user's mistake). @throws UserError */
  run(argv: readonly string[], io: CommandIo, shell: CommandShell): number | Promise<number>;
}

/** A proof of the harness beyond certifying the reference target's catalogue (e.g. a client judge against faulty clients), run by `paycert selftest`. */
export interface ExtraSelftest {
  /** What it proves, a few words ("client judge: correct, legal and faulty POS apps"). */
  readonly title: string;
  /** Runs it: whether it passed, its score in one line, and its section of selftest.md. */
  run(): Promise<{ passed: boolean; score: string; markdown: string }>;
}

/** What the mutation run (mutation/profiles.mjs) lends a profile to name parts of files, computed from the source each run. */
export interface MutationSource {
  /** `file:line:col-line:col` of the function `name` declared at the top of `file` (relative to the root). */
  functionRange(file: string, name: string): string;
  /** In each non-test .ts file of `dir`, the ranges of the `level` and `run` of every object literal whose level is 'MUST'. */
  mustRuleRanges(dir: string): string[];
}

export interface TargetSide<Settings = unknown> {
  /** What the help calls its reference target ("Viopay POS", "the ... simulator"). */
  readonly referenceTitle: string;
  /** Its part of the target config. */
  readonly config: TargetConfigSide<Settings>;
  /** What `--profile P` says about it in the help (`--profile viopay-pos (default), vpws (...)`), a few words. */
  readonly helpNote?: string;
  /** The reference target, started with a fault or variations of its catalogue. @throws UserError for an unknown name or a port it cannot bind */
  start(options?: ReferenceStartOptions): Promise<StartedReference>;
  /** String options of `paycert serve --profile P` this profile takes besides the common ones (name: help line). */
  readonly serveOptions?: Readonly<Record<string, string>>;
  /** Its faults and legal variations, in the order the selftest certifies them. */
  readonly catalogue: { readonly faults: readonly CatalogueFault[]; readonly variations: readonly CatalogueVariation[] };
  /**
   * The one request that must work if the configuration is right. Returns why the run cannot be
   * meaningful (credentials refused, no API at the base URL), or null. Transport errors are thrown
   * (the caller words them).
   */
  preflight(target: ResolvedTarget, budget: PreflightBudget): Promise<string | null>;
  /** Its own commands, if any. */
  readonly commands?: readonly ProfileCommand[];
  /** Proofs `paycert selftest` runs besides the catalogue, if any. */
  readonly extraSelftests?: readonly ExtraSelftest[];
  /**
   * What `npm run mutation` mutates: the rule code of its reference target, as Stryker globs
   * relative to the repository root (or `file:l:c-l:c` parts of files, from `source`).
   */
  mutate(source: MutationSource): string[];
}

/**
 * The diagnosis of an answer that says no API is at the base URL (404 or 405), or null: the
 * preflights of every profile share it.
 */
export function notTheApi(status: number, what: string, baseUrl: string, apiPath: string): string | null {
  if (status === 404 || status === 405) return `${what} answered ${status}: is base_url ${baseUrl} right (it must be the API's root, without ${apiPath})?`;
  return null;
}

/** What an error answer said, shortened, as ` (code: message)`, or ''. */
export function saidIn(error: unknown, json: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const j = json as { message?: unknown } | undefined;
  const text = e ? `${String(e.code)}: ${String(e.message)}` : typeof j?.message === 'string' ? j.message : '';
  return text ? ` (${text.slice(0, 120)})` : '';
}

/** The variant called `name` in `map`, or a user error naming the `kind` and the nearest name. */
export function variantNamed<T>(kind: string, map: ReadonlyMap<string, T>, name: string, hint = 'see reports/selftest.md'): T {
  const found = map.get(name);
  if (found) return found;
  const guess = didYouMean(name, [...map.keys()]);
  throw new UserError(`unknown ${kind} "${name}"`, undefined, undefined, guess ? `did you mean "${guess}"?` : hint);
}
