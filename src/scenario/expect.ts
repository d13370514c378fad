/**
 * Evaluates a step's expectations against its answer(s). Two rules hold for every step whether
 * or not it says so: no answer may be a 5xx unless expected (PROFILE 1.4), and every 200 answer
 * must be a valid envelope with the right KCV and a schema-valid plaintext (PROFILE 1.3).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Answer } from '../client/answer';
import type { Expect, ExpectAll, Matcher } from './types';
import { resolveInView, type AnswerView } from './view';

export interface Mismatch {
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** Which answer showed it (repeated steps). */
  index?: number;
}

/**
 * A profile's standard error body, for `error: standard` (its scenario side's `standardError`):
 * how it is named in messages and the code an error answer of each status carries.
 */
export interface StandardError {
  /** The body in words: `PROFILE 1.4 error body {"error":{...}}`. */
  readonly body: string;
  /** Where its codes are written (`PROFILE 1.4`). */
  readonly source: string;
  /** The code that goes with `status`: whether `code` is it, and what it is, in words and as the failure's expected value. */
  codeFor(status: number): { matches(code: unknown): boolean; wanted: string; expected: string };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

const MATCHER_KEYS = new Set(['equals', 'one_of', 'not', 'pattern', 'type', 'non_empty']);

/** An object is a matcher when its single key is a matcher keyword; any other value is compared as is. */
function isMatcherObject(m: unknown): boolean {
  return m !== null && typeof m === 'object' && !Array.isArray(m) && Object.keys(m).length === 1 && MATCHER_KEYS.has(Object.keys(m)[0]!);
}

/** The keyword forms of a matcher (see specs/scenario.schema.json). */
type KeywordMatcher = { equals?: unknown; one_of?: unknown[]; not?: unknown; pattern?: string; type?: string; non_empty?: true };

/** Null when `value` satisfies `matcher`, else what was expected, in words. */
export function matchValue(value: unknown, matcher: Matcher): string | null {
  if (!isMatcherObject(matcher)) return isDeepStrictEqual(value, matcher) ? null : `equal to ${JSON.stringify(matcher)}`;
  const m = matcher as KeywordMatcher;
  if ('equals' in m) return isDeepStrictEqual(value, m.equals) ? null : `equal to ${JSON.stringify(m.equals)}`;
  if (m.one_of !== undefined) return m.one_of.some((v) => isDeepStrictEqual(value, v)) ? null : `one of ${JSON.stringify(m.one_of)}`;
  if ('not' in m) return isDeepStrictEqual(value, m.not) ? `not ${JSON.stringify(m.not)}` : null;
  if (m.pattern !== undefined) {
    // lint compiled the pattern; a placeholder filled with what a target answered (a `(`, say) may still break it.
    let pattern: RegExp;
    try {
      pattern = new RegExp(m.pattern);
    } catch {
      return `a string matching /${m.pattern}/, which is not a regular expression once its placeholders are filled`;
    }
    return typeof value === 'string' && pattern.test(value) ? null : `a string matching /${m.pattern}/`;
  }
  if (m.type !== undefined) {
    const actual = typeName(value);
    return actual === m.type || (m.type === 'number' && actual === 'integer') ? null : `of type ${m.type}`;
  }
  const empty = value === undefined || value === null || value === '' || (typeof value === 'object' && Object.keys(value).length === 0);
  return empty ? 'non-empty' : null;
}

/** A 5xx is never right (PROFILE 1.4), unless a step explicitly expects one. */
function serverError(answer: Answer, allowed: number[] | undefined): Mismatch | null {
  if (answer.status >= 500 && !allowed?.includes(answer.status)) {
    return { message: `answered ${answer.status}: a target must not answer any request, good or bad, with a 5xx`, actual: answer.status };
  }
  return null;
}

/**
 * Every 200 must be a valid envelope with the right KCV and a schema-valid plaintext (PROFILE 1.3);
 * where a profile fixes the body's shape on every status, every answer must have it.
 */
function invalidOk(answer: Answer): Mismatch | null {
  if ((answer.status === 200 || answer.shapeOnEveryStatus) && answer.problems.length > 0) {
    return { message: `the ${answer.status} answer is not a valid answer: ${answer.problems.map((p) => p.message).join('; ')}`, actual: answer.problems };
  }
  return null;
}

/** Null when the answer meets `expect`, else the first difference; `standard` is the profile's error body, for `error: standard`. */
export function checkExpect(answer: Answer, view: AnswerView, expect: Expect = {}, standard?: StandardError): Mismatch | null {
  const allowed = expect.status === undefined ? undefined : ([] as Array<number | string>).concat(expect.status).map(Number);
  const crash = serverError(answer, allowed);
  if (crash) return crash;
  if (expect.any_of) {
    const misses = expect.any_of.map((alternative) => checkExpect(answer, view, alternative, standard));
    if (misses.every((m) => m !== null)) {
      return { message: `none of the allowed answers: ${misses.map((m, i) => `(${i + 1}) ${m!.message}`).join('; ')}`, expected: expect.any_of, actual: summary(view) };
    }
  }
  if (allowed && !allowed.includes(answer.status)) {
    return { message: `status ${answer.status}, expected ${allowed.join(' or ')}${errorText(view)}`, expected: expect.status, actual: answer.status };
  }
  const invalid = expect.any_body ? null : invalidOk(answer);
  if (invalid) return invalid;
  if (expect.error === 'standard' || expect.code !== undefined) {
    const code = (view.error as { code?: unknown } | undefined)?.code;
    if (answer.error === undefined) {
      return { message: `the ${answer.status} answer has no ${standard?.body ?? 'error body'}: ${answer.problems.map((p) => p.message).join('; ')}`, actual: answer.json };
    }
    if (expect.code !== undefined) {
      const codes = ([] as string[]).concat(expect.code);
      if (!codes.includes(String(code))) return { message: `error.code ${JSON.stringify(code)}, expected ${codes.join(' or ')}`, expected: expect.code, actual: code };
    } else {
      if (!standard) return { message: "expects error: standard, and the file's profile has no standard error body" };
      const { matches, wanted, expected } = standard.codeFor(answer.status);
      if (!matches(code)) return { message: `error.code ${JSON.stringify(code)} does not go with status ${answer.status} (${standard.source}: ${wanted})`, expected, actual: code };
    }
  }
  for (const [path, matcher] of Object.entries(expect.fields ?? {})) {
    const value = resolveInView(view, path);
    const miss = matchValue(value, matcher);
    if (miss) return { message: `${path} is ${JSON.stringify(value)}, expected ${miss}`, expected: matcher, actual: value };
  }
  for (const [name, matcher] of Object.entries(expect.headers ?? {})) {
    const value = view.http.headers[name.toLowerCase()];
    const miss = matchValue(value, matcher);
    if (miss) return { message: `header ${name} is ${JSON.stringify(value)}, expected ${miss}`, expected: matcher, actual: value };
  }
  return null;
}

function errorText(view: AnswerView): string {
  const error = view.error as { code?: unknown; message?: unknown } | undefined;
  return error ? ` (error ${String(error.code)}: ${String(error.message)})` : '';
}

function summary(view: AnswerView): unknown {
  return { status: view.http.status, error: view.error, plaintext: view.plaintext };
}

/** Expectations over every answer of a repeated step. */
export function checkExpectAll(answers: readonly Answer[], views: readonly AnswerView[], expect: ExpectAll = {}, standard?: StandardError): Mismatch | null {
  for (const [index, answer] of answers.entries()) {
    const miss = checkExpect(answer, views[index]!, expect.each ?? {}, standard);
    if (miss) return { ...miss, message: `answer ${index + 1} of ${answers.length}: ${miss.message}`, index };
  }
  const ok = answers.filter((a) => a.status === 200).length;
  if (expect.ok?.min !== undefined && ok < expect.ok.min) return { message: `${ok} of ${answers.length} answers were 200, expected at least ${expect.ok.min}`, expected: expect.ok, actual: ok };
  if (expect.ok?.max !== undefined && ok > expect.ok.max) return { message: `${ok} of ${answers.length} answers were 200, expected at most ${expect.ok.max}`, expected: expect.ok, actual: ok };
  if (expect.count) {
    const { where, min, max } = expect.count;
    const meeting = answers.filter((a, i) => checkExpect(a, views[i]!, where, standard) === null).length;
    if ((min !== undefined && meeting < min) || (max !== undefined && meeting > max)) {
      return { message: `${meeting} of ${answers.length} answers were ${JSON.stringify(where)}, expected ${min ?? 0} to ${max ?? 'any'}`, expected: expect.count, actual: meeting };
    }
  }
  if (expect.distinct) {
    const { path, min, max } = expect.distinct;
    const values = views.filter((v) => v.http.status === 200).map((v) => JSON.stringify(resolveInView(v, path)));
    const distinct = new Set(values).size;
    if ((min !== undefined && distinct < min) || (max !== undefined && distinct > max)) {
      return { message: `${distinct} distinct ${path} over ${values.length} answers, expected ${min ?? 0} to ${max ?? 'any'}`, expected: expect.distinct, actual: [...new Set(values)] };
    }
  }
  return null;
}
