/**
 * What a scenario's values must be for the scenario to mean anything against a correct target,
 * beyond its JSON Schema: every request it describes can be sent (methods, header names and
 * values, paths a request line can carry), every placeholder is one, every pattern compiles,
 * every range can hold, and every operation belongs to the file's profile. A file that broke one
 * of these passed `lint` and then failed a correct target (`pattern: "([a-"`, a raw method with
 * CRLF, `${c.charge_id` unclosed, a vpws_cancel step in a POS file); now `lint` and `run` refuse
 * it at `file:line:col`, before any request.
 */
import type { RuleProblem } from './authoring-rules';
import type { Expect, ExpectAll, Profile, Scenario, Step, StepOperation } from './types';

type Path = Array<string | number>;

/** The operations each profile's requests are made of (a step of another profile's has no client to send it). */
const OPERATIONS_OF: Record<Profile, readonly StepOperation[]> = {
  'viopay-pos': ['charge', 'refund', 'cancel', 'reverse', 'raw', 'state'],
  vpws: ['vpws_cancel', 'state'],
  'viva-interapp': ['viva_cancel', 'state'],
};
/** The PROFILE section 4 state each profile's targets set up. */
const STATE_OF: Record<Profile, string> = { 'viopay-pos': 'charge is settled', vpws: 'vpws transaction exists', 'viva-interapp': 'viva transaction exists' };
/** The provider states a contract of each profile may start from (src/pact/); Viva has no contract. */
const CONTRACT_STATES: Record<Profile, readonly string[]> = { 'viopay-pos': ['an approved charge', 'a settled charge'], vpws: ['vpws transaction exists'], 'viva-interapp': [] };

/** RFC 9110 token: a method or a header name. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What node:http puts in a header value: tab, visible ASCII and Latin-1; never CR, LF or NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** What node:http puts on the request line as path and query: no space, no control character. */
const REQUEST_LINE = /^[\x21-\x7e\x80-\xff]*$/;
/** A whole `${name.path}` placeholder, matched where a `${` starts (./interpolate.ts reads the same). */
const PLACEHOLDER_AT = /\$\{[a-z_][a-z0-9_]*(?:\.[A-Za-z0-9_-]+)*\}/y;
const PLACEHOLDERS = /\$\{[a-z_][a-z0-9_]*(?:\.[A-Za-z0-9_-]+)*\}/g;
/** The most a repeated step may send in all (body size times repeats): a few concurrent huge bodies, not gigabytes. */
const MAX_REPEATED_BYTES = 64 * 1024 * 1024;
const HEADER_ELEMENTS = new Set(['X-Terminal-Id', 'X-Timestamp', 'X-Nonce', 'X-Key-Id', 'User-Agent', 'X-Client-Type', 'X-Signature']);

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

function headerValueProblem(text: string): string | null {
  if (HEADER_VALUE.test(text)) return null;
  if (/[\r\n]/.test(text)) return 'a header value cannot hold CR or LF (it would end the header and start another)';
  if (text.includes('\0')) return 'a header value cannot hold NUL';
  return 'a header value holds tab, visible characters and Latin-1 only (no control character)';
}

function methodProblem(text: string): string | null {
  return TOKEN.test(text) ? null : `method ${JSON.stringify(text)} is not an HTTP method: letters, digits and !#$%&'*+-.^_\`|~ only`;
}

function requestLineProblem(what: string, text: string): string | null {
  return REQUEST_LINE.test(text) ? null : `a ${what} goes on the request line: no space, CR, LF, NUL or other control character (percent-encode them, e.g. %20)`;
}

/** Where each text of a step goes on the wire, checked for what can go there. */
function wireProblems(step: Step, at: Path): RuleProblem[] {
  const out: RuleProblem[] = [];
  const check = (path: Path, problem: string | null) => {
    if (problem) out.push({ path: [...at, ...path], message: problem });
  };
  const b = step.break;
  for (const [name, value] of Object.entries(b?.headers ?? {})) {
    check(['break', 'headers', name], TOKEN.test(name) ? null : `header name ${JSON.stringify(name)} is not an HTTP token: letters, digits and !#$%&'*+-.^_\`|~ only`);
    if (typeof value === 'string') check(['break', 'headers', name], headerValueProblem(value));
  }
  // Each of these is sent as a header value.
  const headerTexts: Array<[Path, unknown]> = [
    [['break', 'terminal_id'], b?.terminal_id],
    [['break', 'nonce'], b?.nonce],
    [['break', 'key_id'], b?.key_id],
    [['break', 'timestamp'], typeof b?.timestamp === 'string' ? b.timestamp : undefined],
    [['break', 'signature', 'value'], b?.signature?.value],
    [['break', 'signature', 'prefix'], b?.signature?.prefix],
    [['idempotency_key'], step.idempotency_key],
    [['vpws_cancel', 'authorization'], step.vpws_cancel?.authorization],
  ];
  for (const [path, value] of headerTexts) if (typeof value === 'string') check(path, headerValueProblem(value));
  if (step.raw) check(['raw', 'method'], methodProblem(step.raw.method));
  if (b?.method !== undefined) check(['break', 'method'], methodProblem(b.method));
  const lineTexts: Array<[Path, string, string | undefined]> = [
    [['raw', 'path'], 'path', step.raw?.path],
    [['raw', 'query'], 'query', step.raw?.query],
    [['break', 'path'], 'path', b?.path],
    [['break', 'query'], 'query', b?.query],
    [['vpws_cancel', 'path'], 'path', step.vpws_cancel?.path],
  ];
  for (const [path, what, value] of lineTexts) if (value !== undefined) check(path, requestLineProblem(what, value));
  const near = b?.near_miss;
  if (near?.text !== undefined && near.in !== 'signed') {
    const path = ['break', 'near_miss', 'text'];
    if (near.element === 'method') check(path, TOKEN.test(near.text) || near.text === '' ? null : 'the method is sent: letters, digits and !#$%&\'*+-.^_`|~ only');
    else if (near.element === 'path' || near.element === 'query') check(path, requestLineProblem(near.element, near.text));
    else if (HEADER_ELEMENTS.has(near.element)) check(path, headerValueProblem(near.text));
  }
  return out;
}

/** Each `pattern` matcher must compile (placeholders in it stand for captured text). */
function expectProblems(expect: Expect | undefined, at: Path, out: RuleProblem[]): void {
  if (!expect) return;
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
  expect.any_of?.forEach((alternative, i) => expectProblems(alternative, [...at, 'any_of', i], out));
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

/** The operations, states and settings of another profile than the file's. */
function profileProblems(step: Step, profile: Profile, at: Path): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const op of Object.keys(step) as StepOperation[]) {
    if (!(['charge', 'refund', 'cancel', 'reverse', 'raw', 'state', 'vpws_cancel', 'viva_cancel'] as const).includes(op)) continue;
    if (!OPERATIONS_OF[profile].includes(op)) {
      out.push({ path: [...at, op], message: `${op} is not an operation of profile ${profile}`, hint: `a ${profile} step is one of ${OPERATIONS_OF[profile].join(', ')}` });
    }
  }
  if (step.state && step.state.name !== STATE_OF[profile]) {
    out.push({ path: [...at, 'state', 'name'], message: `"${step.state.name}" is not a state of profile ${profile}`, hint: `its state hook sets up "${STATE_OF[profile]}"` });
  }
  if (profile !== 'viopay-pos') {
    if (step.break !== undefined) out.push({ path: [...at, 'break'], message: `break changes signed viopay-pos requests; profile ${profile} has none` });
    if (step.idempotency_key !== undefined) out.push({ path: [...at, 'idempotency_key'], message: `an Idempotency-Key is sent with viopay-pos charges; profile ${profile} has none` });
  }
  return out;
}

/** What a scenario of a file of `profile` breaks of the input rules (empty: none). Paths are inside the scenario. */
export function inputProblems(scenario: Scenario, profile: Profile): RuleProblem[] {
  const out: RuleProblem[] = [];
  const given = scenario.contract?.given?.state;
  if (scenario.contract && CONTRACT_STATES[profile].length === 0) out.push({ path: ['contract'], message: `profile ${profile} has no contract (Pact contracts are for viopay-pos and vpws)` });
  else if (given !== undefined && !CONTRACT_STATES[profile].includes(given)) {
    out.push({ path: ['contract', 'given', 'state'], message: `"${given}" is not a provider state of profile ${profile}`, hint: `one of ${CONTRACT_STATES[profile].map((s) => `"${s}"`).join(', ')}` });
  }
  scenario.steps.forEach((step, i) => {
    const at: Path = ['steps', i];
    out.push(...profileProblems(step, profile, at));
    valueProblems(step, at, out);
    out.push(...wireProblems(step, at));
    expectProblems(step.expect, [...at, 'expect'], out);
    if (step.expect_all) {
      expectProblems(step.expect_all.each, [...at, 'expect_all', 'each'], out);
      expectProblems(step.expect_all.count?.where, [...at, 'expect_all', 'count', 'where'], out);
      rangeProblems(step.expect_all, step.repeat, [...at, 'expect_all'], out);
    }
    const bytes = step.break?.body_bytes ?? step.vpws_cancel?.body_bytes;
    if (bytes !== undefined && step.repeat !== undefined && bytes * step.repeat > MAX_REPEATED_BYTES) {
      out.push({ path: [...at, 'repeat'], message: `${step.repeat} bodies of ${bytes} bytes are more than the 64 MiB a repeated step may send in all` });
    }
  });
  return out;
}
