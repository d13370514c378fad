/**
 * What a scenario's values must be for the scenario to mean anything against a correct target,
 * beyond its JSON Schema: every request it describes can be sent (methods, header names and
 * values, paths a request line can carry), every placeholder is one, every pattern compiles,
 * every range can hold, and every operation belongs to the file's profile. A file that broke one
 * of these passed `lint` and then failed a correct target (`pattern: "([a-"`, a raw method with
 * CRLF, `${c.charge_id` unclosed, a step of another profile's operation); now `lint` and `run` refuse
 * it at `file:line:col`, before any request.
 */
import { allProfiles, type Profile } from '../profiles';
import type { RuleProblem } from './authoring-rules';
import type { Expect, ExpectAll, Scenario, Step } from './types';
import { TOKEN } from './wire-checks';

type Path = Array<string | number>;

/** A whole `${name.path}` placeholder, matched where a `${` starts (./interpolate.ts reads the same). */
const PLACEHOLDER_AT = /\$\{[a-z_][a-z0-9_]*(?:\.[A-Za-z0-9_-]+)*\}/y;
const PLACEHOLDERS = /\$\{[a-z_][a-z0-9_]*(?:\.[A-Za-z0-9_-]+)*\}/g;
/** The most a repeated step may send in all (body size times repeats): a few concurrent huge bodies, not gigabytes. */
const MAX_REPEATED_BYTES = 64 * 1024 * 1024;

/** Why `text` is not a usable placeholder text, or null: each `${` must start a whole `${name.field}`. */
export function placeholderProblem(text: string): string | null {
  for (let at = text.indexOf('${'); at !== -1; at = text.indexOf('${', at + 1)) {
    PLACEHOLDER_AT.lastIndex = at;
    if (PLACEHOLDER_AT.test(text)) continue;
    const close = text.indexOf('}', at);
    const shown = JSON.stringify(text.slice(at, close === -1 ? at + 40 : Math.min(close + 1, at + 40)));
    if (text.startsWith('${}', at)) return 'an empty placeholder ${}: write ${name.field}';
    if (close === -1) return `the placeholder ${shown} has no closing }`;
    if (text.slice(at + 2, close).includes('${')) return `a placeholder inside a placeholder (${shown}): write \${name.field} once`;
    return `${shown} is not a placeholder: write \${name.field} (a name of lower-case letters, digits and _, then .field parts)`;
  }
  return null;
}

/** A problem for each string (placeholders) and number (finite) anywhere in `value`. */
function valueProblems(value: unknown, path: Path, out: RuleProblem[]): void {
  if (typeof value === 'string') {
    const problem = placeholderProblem(value);
    if (problem) out.push({ path, message: problem });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push({ path, message: `${value} is not a finite number` });
  } else if (Array.isArray(value)) value.forEach((v, i) => valueProblems(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) valueProblems(v, [...path, k], out);
}

/** Where each text of a step's operation and settings goes on the wire, checked for what can go there (the profile says which texts go where). */
function wireProblems(step: Step, profile: Profile, at: Path): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const operation of profile.scenario.operations) {
    const value = step[operation.name];
    if (value === undefined || !operation.inputProblems) continue;
    for (const p of (operation.inputProblems as (v: unknown) => RuleProblem[])(value)) out.push({ ...p, path: [...at, operation.name, ...p.path] });
  }
  for (const setting of profile.scenario.settings ?? []) {
    const value = step[setting.name];
    if (value === undefined || !setting.inputProblems) continue;
    for (const p of setting.inputProblems(value)) out.push({ ...p, path: [...at, setting.name, ...p.path] });
  }
  return out;
}

/** Each `pattern` matcher must compile (placeholders in it stand for captured text). */
function expectProblems(expect: Expect | undefined, at: Path, out: RuleProblem[], profile: Profile): void {
  if (!expect) return;
  if (expect.error === 'standard' && !profile.scenario.standardError) {
    out.push({ path: [...at, 'error'], message: `profile ${profile.name} has no standard error body`, hint: 'expect the status and the fields instead' });
  }
  for (const part of ['fields', 'headers'] as const) {
    for (const [name, matcher] of Object.entries(expect[part] ?? {})) {
      if (part === 'headers' && !TOKEN.test(name)) out.push({ path: [...at, part, name], message: `header name ${JSON.stringify(name)} is not an HTTP token, so no answer can have it` });
      const pattern = (matcher as { pattern?: unknown } | null)?.pattern;
      if (typeof pattern !== 'string' || Object.keys(matcher as object).length !== 1) continue;
      try {
        new RegExp(pattern.replace(PLACEHOLDERS, 'x'));
      } catch (error) {
        out.push({ path: [...at, part, name, 'pattern'], message: `${JSON.stringify(pattern)} is not a regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}` });
      }
    }
  }
  expect.any_of?.forEach((alternative, i) => expectProblems(alternative, [...at, 'any_of', i], out, profile));
}

/** Ranges of a repeated step's expectations that can hold: min <= max, and min no more than the answers there are. */
function rangeProblems(all: ExpectAll, repeat: number | undefined, at: Path, out: RuleProblem[]): void {
  const ranges: Array<[string, { min?: number; max?: number } | undefined]> = [
    ['ok', all.ok],
    ['count', all.count],
    ['distinct', all.distinct],
  ];
  for (const [name, range] of ranges) {
    if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
      out.push({ path: [...at, name], message: `min ${range.min} is more than max ${range.max}: no answer can meet it` });
    } else if (range?.min !== undefined && repeat !== undefined && range.min > repeat) {
      out.push({ path: [...at, name, 'min'], message: `min ${range.min} is more than the ${repeat} answers of repeat: ${repeat}` });
    }
  }
}

/** The operation names of `profile`, with the engine's `state`. */
export function operationNames(profile: Profile): string[] {
  return [...profile.scenario.operations.map((o) => o.name), 'state'];
}

/** The operations, states and settings of another profile than the file's. */
function profileProblems(step: Step, profile: Profile, at: Path): RuleProblem[] {
  const out: RuleProblem[] = [];
  const own = operationNames(profile);
  const ownSettings = new Set((profile.scenario.settings ?? []).map((s) => s.name));
  const others = allProfiles().filter((p) => p !== profile);
  for (const key of Object.keys(step)) {
    if (own.includes(key) || ownSettings.has(key)) continue;
    if (others.some((p) => p.scenario.operations.some((o) => o.name === key))) {
      out.push({ path: [...at, key], message: `${key} is not an operation of profile ${profile.name}`, hint: `a ${profile.name} step is one of ${own.join(', ')}` });
      continue;
    }
    const setting = others.flatMap((p) => p.scenario.settings ?? []).find((s) => s.name === key);
    if (setting) out.push({ path: [...at, key], message: setting.elsewhere(profile.name) });
  }
  const states = profile.scenario.states;
  if (step.state && !states.includes(step.state.name)) {
    out.push({ path: [...at, 'state', 'name'], message: `"${step.state.name}" is not a state of profile ${profile.name}`, hint: `its state hook sets up ${states.map((s) => `"${s}"`).join(', ')}` });
  }
  return out;
}

/** The bytes one request of the step sends when it asks for a size. */
function bodyBytesOf(step: Step, profile: Profile): number | undefined {
  for (const operation of profile.scenario.operations) {
    const value = step[operation.name];
    if (value !== undefined && operation.bodyBytes) return (operation.bodyBytes as (v: unknown, s: Step) => number | undefined)(value, step);
  }
  return undefined;
}

/** What a scenario of a file of `profile` breaks of the input rules (empty: none). Paths are inside the scenario. */
export function inputProblems(scenario: Scenario, profile: Profile): RuleProblem[] {
  const out: RuleProblem[] = [];
  const given = scenario.contract?.given?.state;
  const contractStates = profile.scenario.contractStates ?? [];
  if (scenario.contract && contractStates.length === 0) {
    const withContracts = allProfiles().filter((p) => (p.scenario.contractStates ?? []).length > 0).map((p) => p.name);
    out.push({ path: ['contract'], message: `profile ${profile.name} has no contract (Pact contracts are for ${withContracts.join(' and ')})` });
  } else if (given !== undefined && !contractStates.includes(given)) {
    out.push({ path: ['contract', 'given', 'state'], message: `"${given}" is not a provider state of profile ${profile.name}`, hint: `one of ${contractStates.map((s) => `"${s}"`).join(', ')}` });
  }
  const needs = ['state_hook', ...(profile.scenario.needs ?? []).map((n) => n.name)];
  (scenario.needs ?? []).forEach((need, i) => {
    if (!needs.includes(need)) out.push({ path: ['needs', i], message: `"${need}" is not a need of profile ${profile.name}`, hint: `one of ${needs.join(', ')}` });
  });
  scenario.steps.forEach((step, i) => {
    const at: Path = ['steps', i];
    out.push(...profileProblems(step, profile, at));
    valueProblems(step, at, out);
    out.push(...wireProblems(step, profile, at));
    expectProblems(step.expect, [...at, 'expect'], out, profile);
    if (step.expect_all) {
      expectProblems(step.expect_all.each, [...at, 'expect_all', 'each'], out, profile);
      expectProblems(step.expect_all.count?.where, [...at, 'expect_all', 'count', 'where'], out, profile);
      rangeProblems(step.expect_all, step.repeat, [...at, 'expect_all'], out);
    }
    const bytes = bodyBytesOf(step, profile);
    if (bytes !== undefined && step.repeat !== undefined && bytes * step.repeat > MAX_REPEATED_BYTES) {
      out.push({ path: [...at, 'repeat'], message: `${step.repeat} bodies of ${bytes} bytes are more than the 64 MiB a repeated step may send in all` });
    }
  });
  return out;
}
