/**
 * Every registered check: the scenarios of specs/, the probes of probes/, the properties of properties/ and the
 * interactions of the contracts in contracts/, and the user's scenario files (`--specs`), with them or instead
 * of them (`--no-builtin`). Duplicate ids across them are refused. The CLI validates --check and --tag against this; the reporter plans from it.
 */
import { join } from 'node:path';
import { probeChecks } from '../../probes';
import { propertyChecks } from '../../properties';
import { UserError, UserErrors } from '../core/errors';
import { loadScenarios, shownPath, specFiles } from '../scenario/load';
import { specPathFiles } from '../scenario/spec-paths';
import type { LoadedScenario } from '../scenario/types';
import { contractFiles, pactChecksOf } from '../pact/checks';
import type { Check } from './check';
import { CheckRegistry } from './registry';
import { scenarioCheck } from './scenario-check';

/** The user's scenario files of a run or lint (`--specs PATH`, repeatable). */
export interface UserSpecs {
  /** The paths as given: folders, files or globs, relative to `cwd`. */
  paths: readonly string[];
  cwd: string;
  /** The profile of a user's file that has no `profile:` (the run's). */
  profile: string;
  /** `--no-builtin`: the user's scenarios instead of the built-in checks, not with them. */
  noBuiltin?: boolean;
}

/** One `--specs` path and the scenario files it brought (a file two paths name counts for the first). */
export interface SpecsOrigin {
  path: string;
  files: string[];
}

/** The files of each `--specs` path. @throws UserError when one names no scenario file. */
export function specsOrigins(paths: readonly string[], cwd: string): SpecsOrigin[] {
  const taken = new Set<string>();
  return paths.map((path) => {
    const files = specPathFiles(path, cwd).filter((file) => !taken.has(file));
    for (const file of files) taken.add(file);
    return { path, files };
  });
}

/** How many of `checks` each `--specs` path brought. */
export function checksPerOrigin(origins: readonly SpecsOrigin[], checks: readonly Check[]): Array<{ path: string; files: number; checks: number }> {
  return origins.map((origin) => {
    const files = new Set(origin.files);
    return { path: origin.path, files: origin.files.length, checks: checks.filter((c) => files.has(c.file)).length };
  });
}

/** The user's scenarios whose id a probe, property or contract interaction has already: one line each, at the scenario. */
function takenIds(user: readonly Check[], lines: ReadonlyMap<Check, number>, builtIn: readonly Check[]): UserError[] {
  const byId = new Map(builtIn.map((c) => [c.info.id, c]));
  return user.flatMap((check) => {
    const other = byId.get(check.info.id);
    return other ? [new UserError(`duplicate check id "${check.info.id}" (a built-in check's, in ${shownPath(other.file)})`, { file: shownPath(check.file), line: lines.get(check)! })] : [];
  });
}

/** The user's scenarios whose id a built-in scenario has: one line each, at the user's scenario, naming the built-in file and line. */
function takenScenarioIds(user: readonly LoadedScenario[], builtIn: readonly LoadedScenario[]): UserError[] {
  const byId = new Map(builtIn.map((s) => [s.id, s]));
  return user.flatMap((s) => {
    const first = byId.get(s.id);
    return first ? [new UserError(`duplicate check id "${s.id}" (first at ${shownPath(first.file)}:${first.line})`, { file: shownPath(s.file), line: s.line })] : [];
  });
}

/** The built-in checks that are not scenarios: probes, properties, contract interactions. */
function codedChecks(root: string): Check[] {
  return [...probeChecks(), ...propertyChecks(), ...contractFiles(root).flatMap((file) => pactChecksOf(file))];
}

/**
 * The registry of a run: the built-in checks of the package at `root`, and the user's
 * scenarios when `user` is given (with the built-in ones, or only them with `noBuiltin`). A
 * user's check id must be new: one that a built-in check or another user file has already is a
 * UserError naming both files (and lines, for scenarios). @throws UserError / UserErrors
 */
export function allChecks(root: string, user?: UserSpecs): CheckRegistry {
  const builtInFiles = specFiles([join(root, 'specs')]);
  if (!user || user.paths.length === 0) return new CheckRegistry([...loadScenarios(builtInFiles).map(scenarioCheck), ...codedChecks(root)]);
  const userFiles = specsOrigins(user.paths, user.cwd).flatMap((o) => o.files);
  const mine = new Set(userFiles);
  // Loaded apart (a user's file may leave `profile:` out; the built-in ones stay cached as they are), then compared.
  const builtIn = loadScenarios(builtInFiles.filter((f) => !mine.has(f)));
  const userScenarios = loadScenarios(userFiles, user.profile);
  const userChecks = userScenarios.map(scenarioCheck);
  const lines = new Map(userChecks.map((c, i) => [c, userScenarios[i]!.line]));
  const coded = codedChecks(root);
  const errors = [...takenScenarioIds(userScenarios, builtIn), ...takenIds(userChecks, lines, coded)];
  if (errors.length) throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
  if (user.noBuiltin) return new CheckRegistry(userChecks);
  return new CheckRegistry([...builtIn.map(scenarioCheck), ...userChecks, ...coded]);
}
