/**
 * Reading an answer: JSON, then the envelope (200) or the error body (anything else), the KCV,
 * and the plaintext against its schema. Nothing here passes or fails a target; it lists the
 * problems it saw and the checks decide.
 */
import { open } from '../crypto/envelope';
import { EnvelopeError, type EnvelopeFailure } from '../crypto/envelope-errors';
import { kcvMatches } from '../crypto/kcv';
import { formatIssues, validate, type SchemaName } from '../schemas/validator';
import type { PosCredentials } from './credentials';
import { describeBytes, type WireResponse } from './wire';

export type AnswerProblem =
  | { kind: 'not-json'; message: string }
  | { kind: 'truncated'; message: string }
  | { kind: 'envelope'; failure: EnvelopeFailure; message: string }
  | { kind: 'kcv'; message: string }
  /** A body that does not match the named schema (of whichever profile's set). */
  | { kind: 'schema'; schema: string; message: string }
  /** An answer (a callback URI, say) that breaks `clause` of its profile: a rule its client judges on every answer. */
  | { kind: 'callback'; clause: string; message: string };

export interface ErrorBody {
  code: string;
  message: string;
  trace_id: string;
}

export interface Decoded {
  /** The parsed body, when it is JSON. */
  json?: unknown;
  /** The decrypted plaintext of a 200 envelope. */
  plaintext?: unknown;
  /** The `error` object of an error answer that has the PROFILE 1.4 shape. */
  error?: ErrorBody;
  problems: AnswerProblem[];
}

/**
 * The problem of an answer cut at the answer budget, said with the budget ("answer larger than
 * 4 MiB: truncated"); null for a whole answer. Every client reports it first: the rest of what
 * it found follows from the cut.
 */
export function truncationProblem(res: WireResponse): AnswerProblem | null {
  if (!res.truncated) return null;
  const budget = describeBytes(res.budget ?? res.body.length);
  const size = res.announcedBytes !== undefined ? `answer of ${res.announcedBytes} bytes (its Content-Length), larger than ${budget}` : `answer larger than ${budget}`;
  return { kind: 'truncated', message: `${size}: truncated (the answer budget, --max-answer-bytes)` };
}

/** Bytes a JSON text may start with (after whitespace): `{ [ " - 0-9 t f n`. */
const JSON_START = new Set([...'{["-0123456789tfn'].map((c) => c.charCodeAt(0)));
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The body parsed as JSON, or undefined when it is not JSON. A body whose first byte cannot start
 * JSON (binary, HTML, a gzip stream) is told apart without turning megabytes into a string first.
 */
export function parseJson(body: Buffer): { value: unknown } | undefined {
  let i = 0;
  while (i < body.length && JSON_SPACE.has(body[i]!)) i++;
  // A UTF-8 BOM is not JSON either (JSON.parse refuses it too).
  if (i === body.length || !JSON_START.has(body[i]!)) return undefined;
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return undefined;
  }
}

function schemaProblem(schema: SchemaName, value: unknown): AnswerProblem | null {
  const result = validate(schema, value);
  return result.ok ? null : { kind: 'schema', schema, message: `${schema}: ${formatIssues(result.errors)}` };
}

/** Decodes `res`; `plaintextSchema` is the schema of the 200 plaintext (none for raw calls). */
export function decodeAnswer(res: WireResponse, creds: PosCredentials, plaintextSchema?: SchemaName): Decoded {
  const decoded: Decoded = { problems: [] };
  const cut = truncationProblem(res);
  // The start of an answer is not an answer: nothing in it is judged (nor parsed, at megabytes a time).
  if (cut) return { problems: [cut] };
  const parsed = parseJson(res.body);
  if (!parsed) {
    decoded.problems.push({ kind: 'not-json', message: `body is not JSON (${res.body.length} bytes)` });
    return decoded;
  }
  decoded.json = parsed.value;
  if (res.status !== 200) {
    const problem = schemaProblem('error', decoded.json);
    if (problem) decoded.problems.push(problem);
    else decoded.error = (decoded.json as { error: ErrorBody }).error;
    return decoded;
  }
  const envelopeProblem = schemaProblem('response-envelope', decoded.json);
  if (envelopeProblem) decoded.problems.push(envelopeProblem);
  try {
    decoded.plaintext = open(decoded.json as Record<string, unknown>, creds.msk);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    decoded.problems.push({ kind: 'envelope', failure: error.kind, message: `envelope: ${error.message}` });
    return decoded;
  }
  const kcv = (decoded.json as { key_kcv?: unknown }).key_kcv;
  if (typeof kcv === 'string' && !kcvMatches(creds.msk, kcv, creds.kcvMethod)) {
    decoded.problems.push({ kind: 'kcv', message: `key_kcv ${kcv} is not the ${creds.kcvMethod} KCV of the MSK` });
  }
  if (plaintextSchema) {
    const problem = schemaProblem(plaintextSchema, decoded.plaintext);
    if (problem) decoded.problems.push(problem);
  }
  return decoded;
}
