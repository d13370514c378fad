/**
 * Loads scenario files: YAML with positions, validation against specs/scenario.schema.json, and
 * the checks a schema cannot make (one operation per step, a known PROFILE clause, unique ids,
 * captures that name an earlier step, and ./input-rules.ts: requests that can be sent,
 * placeholders, patterns and ranges that can hold, operations of the file's profile). Every problem is a UserError at `file:line:col`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { didYouMean } from '../core/did-you-mean';
import { UserError, UserErrors } from '../core/errors';
import { inputFileProblem, MAX_YAML_FILE_BYTES } from '../core/input-file';
import { allProfiles, clauseById, profileNamed } from '../profiles';
import { codeSalt, parseCache } from '../source/parse-cache';
import { schemaErrors } from '../source/schema-errors';
import { formatPath, locate, parseYaml, type DocPath, type YamlSource } from '../source/yaml';
import { authoringProblems } from './authoring-rules';
import { inputProblems, operationNames } from './input-rules';
import { builtInFieldsOf } from './built-ins';
import { captureNames } from './interpolate';
import { scenarioFileSchema } from './scenario-schema';
import type { LoadedScenario, ScenarioFile } from './types';

let compiled: { profiles: number; validate: ValidateFunction } | undefined;

/** The loader's schema (./scenario-schema.ts), compiled on first use and again when a profile was registered since. */
function validateFile(value: unknown): { valid: boolean; errors: ErrorObject[] } {
  const profiles = allProfiles();
  // validateSchema off: our own schema, checked against its meta-schema once by src/own-schemas.test.ts, not at every start (100-500 ms each).
  if (compiled?.profiles !== profiles.length) compiled = { profiles: profiles.length, validate: new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false }).compile(scenarioFileSchema(profiles, true)) };
  const valid = compiled.validate(value);
  return { valid, errors: compiled.validate.errors ?? [] };
}

function errorAt(source: YamlSource, path: DocPath, message: string, hint?: string, key = false): UserError {
  return new UserError(message, { file: source.file, ...locate(source, path, key) }, formatPath(path), hint);
}

function semanticErrors(source: YamlSource, file: ScenarioFile): UserError[] {
  const errors: UserError[] = [];
  const profile = profileNamed(file.profile);
  const operations = allProfiles().flatMap(operationNames);
  const builtIns = Object.keys(builtInFieldsOf(profile));
  const ids = new Set<string>();
  file.scenarios.forEach((scenario, s) => {
    const at = (path: DocPath) => ['scenarios', s, ...path];
    if (ids.has(scenario.id)) errors.push(errorAt(source, at(['id']), `duplicate check id "${scenario.id}"`));
    ids.add(scenario.id);
    const clause = clauseById(scenario.ref.clause);
    if (!clause) {
      const guess = didYouMean(scenario.ref.clause, profile.clauses.map((c) => c.id));
      errors.push(errorAt(source, at(['ref', 'clause']), `unknown PROFILE clause "${scenario.ref.clause}"`, guess ? `did you mean "${guess}"?` : 'see docs/profile.md'));
    } else if (scenario.ref.seed !== undefined && scenario.ref.seed !== clause.seed) {
      errors.push(errorAt(source, at(['ref', 'seed']), `clause ${clause.id} comes from ${clause.seed}, not ${scenario.ref.seed}`));
    }
    for (const problem of [...authoringProblems(scenario, profile), ...inputProblems(scenario, profile)]) errors.push(errorAt(source, at(problem.path), problem.message, problem.hint));
    const known = new Set<string>(builtIns);
    scenario.steps.forEach((step, i) => {
      // Any profile's: a step of another profile's operation has one operation, which the input rules refuse.
      const ops = [...new Set(operations)].filter((op) => step[op] !== undefined);
      if (ops.length !== 1) {
        errors.push(errorAt(source, at(['steps', i]), ops.length ? `one operation per step, found ${ops.join(' and ')}` : `a step needs one operation: ${operationNames(profile).join(', ')}`));
      }
      if (step.repeat !== undefined && step.expect !== undefined) errors.push(errorAt(source, at(['steps', i, 'expect']), 'a repeated step uses expect_all', undefined, true));
      if (step.repeat === undefined && step.expect_all !== undefined) errors.push(errorAt(source, at(['steps', i, 'expect_all']), 'expect_all needs repeat', undefined, true));
      for (const name of captureNames(step)) {
        if (!known.has(name)) {
          const guess = didYouMean(name, [...known]);
          errors.push(errorAt(source, at(['steps', i]), `\${${name}...} names no earlier step`, guess ? `did you mean "${guess}"?` : 'name a step with `as:` before using it'));
        }
      }
      if (step.as !== undefined) known.add(step.as);
    });
  });
  return errors;
}

/**
 * Parses and validates one scenario file's text; a file without `profile:` is of `defaultProfile`
 * when one is given (a user's file of `--specs`: the run's profile). @throws UserError / UserErrors
 */
export function parseScenarioFile(file: string, text: string, defaultProfile?: string): LoadedScenario[] {
  const source = parseYaml(file, text);
  const value = source.value as unknown;
  if (defaultProfile !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value) && !('profile' in value)) (value as Record<string, unknown>).profile = defaultProfile;
  const validation = validateFile(source.value);
  if (!validation.valid) {
    const errors = schemaErrors(source, validation.errors);
    throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
  }
  const parsed = source.value as unknown as ScenarioFile;
  const errors = semanticErrors(source, parsed);
  if (errors.length) throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
  return parsed.scenarios.map((scenario, s) => ({ ...scenario, file, line: locate(source, ['scenarios', s]).line, profile: parsed.profile }));
}

/**
 * Loaded files by path, size and modification time: `paycert run` lints every file and then the
 * reporter, in the same process, plans the run from the same files; parsing them once is enough.
 */
const loaded = new Map<string, { stamp: string; scenarios: LoadedScenario[] }>();
/** Parse results on disk, across runs (src/source/parse-cache.ts). */
const specCache = parseCache('specs');
/** The code that reads scenario files (all of src/: profiles add operations), as a cache salt; once per process. */
let salt: string | undefined;

/** Loads one scenario file (cached by path, size and time); see parseScenarioFile for `defaultProfile`. */
export function loadScenarioFile(file: string, defaultProfile?: string): LoadedScenario[] {
  // A FIFO named x.spec.yaml would block the read for ever; a directory or a device is no scenario file.
  const problem = inputFileProblem(file, MAX_YAML_FILE_BYTES);
  if (problem) throw new UserError(`the scenario file ${problem}`, { file });
  let text: string;
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}:${defaultProfile ?? ''}`;
    const hit = loaded.get(file);
    if (hit?.stamp === stamp) return hit.scenarios;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file });
  }
  // Messages name the file as the user would type it; results keep the absolute path.
  const name = shownPath(file);
  // Parsed once per text on this install (YAML parsing is most of a run's start-up); a file with a problem is parsed again each time.
  salt ??= codeSalt([join(__dirname, '..')]);
  const key = [salt, allProfiles().map((p) => p.name).join(','), name, text, defaultProfile ?? ''];
  const scenarios = specCache.get(key, () => parseScenarioFile(name, text, defaultProfile)).map((s) => ({ ...s, file }));
  loaded.set(file, { stamp, scenarios });
  return scenarios;
}

/** A file as the user would type it: relative to the working directory when under it, else absolute. */
export function shownPath(file: string): string {
  const shown = relative(process.cwd(), file) || file;
  return shown.startsWith('..') ? file : shown;
}

/** The spec files in `dir` and its sub-folders (one per profile in specs/), sorted by path; hidden folders and node_modules are not searched. */
function specFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      // A user's folder (--specs) may hold a checkout's hidden folders or node_modules: not scenarios of theirs.
      if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : specFilesUnder(path);
      return entry.name.endsWith('.spec.yaml') || entry.name.endsWith('.spec.yml') ? [resolve(path)] : [];
    });
}

/** The spec files under the given paths (files as given, folders searched for *.spec.yaml, sub-folders too). */
export function specFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UserError('no such file or folder', { file: path });
    }
    if (stat.isDirectory()) found.push(...specFilesUnder(path));
    else found.push(resolve(path));
  }
  return found;
}

/**
 * Loads every file, collecting all errors (a lint reports them all), and checks that check ids
 * are unique across files.
 */
export function loadScenarios(files: readonly string[], defaultProfile?: string): LoadedScenario[] {
  const all: LoadedScenario[] = [];
  const errors: UserError[] = [];
  for (const file of files) {
    try {
      all.push(...loadScenarioFile(file, defaultProfile));
    } catch (error) {
      if (error instanceof UserErrors) errors.push(...error.errors);
      else if (error instanceof UserError) errors.push(error);
      else throw error;
    }
  }
  const seen = new Map<string, LoadedScenario>();
  for (const s of all) {
    const first = seen.get(s.id);
    if (first) errors.push(new UserError(`duplicate check id "${s.id}" (first at ${shownPath(first.file)}:${first.line})`, { file: shownPath(s.file), line: s.line }));
    else seen.set(s.id, s);
  }
  if (errors.length) throw errors.length === 1 ? errors[0]! : new UserErrors(errors);
  return all;
}
