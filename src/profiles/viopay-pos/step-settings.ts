/**
 * The settings of a Viopay POS step: `break` (send a part of the signed request wrong on purpose)
 * and `idempotency_key` (the charge's Idempotency-Key). Each text they put on the wire is checked
 * for what can go there.
 */
import type { RuleProblem } from '../../scenario/authoring-rules';
import { headerNameProblem, headerValueProblem, methodProblem, requestLineProblem, TOKEN } from '../../scenario/wire-checks';
import type { StepSetting } from '../scenario-side';
import fragments from './scenario-schema.json';
import type { YamlBreaks } from './step-types';

type Path = Array<string | number>;

/** The request headers a near miss may change (their text is sent as a header value). */
const HEADER_ELEMENTS = new Set(['X-Terminal-Id', 'X-Timestamp', 'X-Nonce', 'X-Key-Id', 'User-Agent', 'X-Client-Type', 'X-Signature']);

/** Where each text of a `break` goes on the wire, checked for what can go there. */
function breakProblems(b: YamlBreaks): RuleProblem[] {
  const out: RuleProblem[] = [];
  const check = (path: Path, problem: string | null) => {
    if (problem) out.push({ path, message: problem });
  };
  for (const [name, value] of Object.entries(b.headers ?? {})) {
    check(['headers', name], headerNameProblem(name));
    if (typeof value === 'string') check(['headers', name], headerValueProblem(value));
  }
  // Each of these is sent as a header value.
  const headerTexts: Array<[Path, unknown]> = [
    [['terminal_id'], b.terminal_id],
    [['nonce'], b.nonce],
    [['key_id'], b.key_id],
    [['timestamp'], typeof b.timestamp === 'string' ? b.timestamp : undefined],
    [['signature', 'value'], b.signature?.value],
    [['signature', 'prefix'], b.signature?.prefix],
  ];
  for (const [path, value] of headerTexts) if (typeof value === 'string') check(path, headerValueProblem(value));
  if (b.method !== undefined) check(['method'], methodProblem(b.method));
  if (b.path !== undefined) check(['path'], requestLineProblem('path', b.path));
  if (b.query !== undefined) check(['query'], requestLineProblem('query', b.query));
  const near = b.near_miss;
  if (near?.text !== undefined && near.in !== 'signed') {
    const path = ['near_miss', 'text'];
    if (near.element === 'method') check(path, TOKEN.test(near.text) || near.text === '' ? null : 'the method is sent: letters, digits and !#$%&\'*+-.^_`|~ only');
    else if (near.element === 'path' || near.element === 'query') check(path, requestLineProblem(near.element, near.text));
    else if (HEADER_ELEMENTS.has(near.element)) check(path, headerValueProblem(near.text));
  }
  return out;
}

const breakSetting: StepSetting = {
  name: 'break',
  schema: fragments.settings.break,
  inputProblems: (value) => breakProblems(value as YamlBreaks),
  elsewhere: (profile) => `break changes signed viopay-pos requests; profile ${profile} has none`,
};

const idempotencyKey: StepSetting = {
  name: 'idempotency_key',
  schema: fragments.settings.idempotency_key,
  inputProblems(value) {
    const problem = typeof value === 'string' ? headerValueProblem(value) : null;
    return problem ? [{ path: [], message: problem }] : [];
  },
  elsewhere: (profile) => `an Idempotency-Key is sent with viopay-pos charges; profile ${profile} has none`,
};

export const POS_SETTINGS = [idempotencyKey, breakSetting];
