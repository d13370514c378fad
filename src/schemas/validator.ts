/**
 * JSON Schema validation: `schemaSet` compiles one set of schema documents with ajv (2020-12,
 * strict, all errors), once, on first use; a profile with schemas of its own keeps them in its
 * folder and compiles them with it (src/profiles/<name>/schemas/). The set in this folder is the
 * bodies of PROFILE section 1 (`validate`, `SchemaName`), used by the signed client.
 *
 * Schemas are plain JSON files (draft 2020-12, `$id` `urn:paycert:<profile>:<name>`) so that
 * implementers can reuse them without this code; within a set they refer to each other by `$id`.
 * They carry only the MUST rules of shape and type; SHOULD rules and rules that compare two
 * messages are checks elsewhere.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import amountSchema from './amount.schema.json';
import cancelResponseSchema from './cancel-response.schema.json';
import chargeRequestSchema from './charge-request.schema.json';
import chargeResponseSchema from './charge-response.schema.json';
import errorSchema from './error.schema.json';
import refundRequestSchema from './refund-request.schema.json';
import refundResponseSchema from './refund-response.schema.json';
import requestEnvelopeSchema from './request-envelope.schema.json';
import responseEnvelopeSchema from './response-envelope.schema.json';

/** The schemas by name; the file of `x` is `x.schema.json` and its `$id` ends in `:x`. */
export type SchemaName =
  | 'amount'
  | 'charge-request'
  | 'charge-response'
  | 'refund-request'
  | 'refund-response'
  | 'cancel-response'
  | 'request-envelope'
  | 'response-envelope'
  | 'error';

/** A schema document as stored: plain JSON with at least these annotation members. */
export interface SchemaDocument {
  readonly $schema: string;
  readonly $id: string;
  readonly title: string;
  readonly description: string;
  readonly [keyword: string]: unknown;
}

/** One reason a value does not match. */
export interface SchemaIssue {
  /** JSON pointer (RFC 6901) to the offending member, e.g. `/amount/value`; `""` is the root. */
  path: string;
  /** Readable reason, e.g. `must match pattern ^[0-9]+$`. */
  message: string;
}

/** Outcome of {@link validate}. */
export type ValidationResult = { ok: true } | { ok: false; errors: SchemaIssue[] };

const DOCUMENTS: Readonly<Record<SchemaName, SchemaDocument>> = {
  amount: amountSchema,
  'charge-request': chargeRequestSchema,
  'charge-response': chargeResponseSchema,
  'refund-request': refundRequestSchema,
  'refund-response': refundResponseSchema,
  'cancel-response': cancelResponseSchema,
  'request-envelope': requestEnvelopeSchema,
  'response-envelope': responseEnvelopeSchema,
  error: errorSchema,
};

/** One set of schemas, compiled together (they may `$ref` one another by `$id`). */
export interface SchemaSet<Name extends string> {
  /** Every schema name, in a stable order. */
  readonly names: readonly Name[];
  /**
   * Validates `value` against the named schema.
   * @returns `{ ok: true }`, or `{ ok: false, errors }` with every issue found (ajv `allErrors`)
   * @throws Error if a schema does not compile under strict mode (a bug in the schema files)
   */
  validate(name: Name, value: unknown): ValidationResult;
  /** The schema document as stored in its JSON file (a deep copy: changing it changes neither the validator nor later calls). */
  document(name: Name): SchemaDocument;
}

/**
 * A set of schema documents by name, compiled on first use and kept for the life of the process.
 * Compiling is the expensive part of ajv (it generates and evaluates JavaScript per schema);
 * validating with a compiled function is cheap, and the checks validate many bodies per run. All
 * schemas of a set are compiled together because they `$ref` one another, and so that a schema
 * that breaks strict mode fails the first validation loudly instead of some later one.
 */
export function schemaSet<Name extends string>(documents: Readonly<Record<Name, SchemaDocument>>): SchemaSet<Name> {
  const names = Object.freeze(Object.keys(documents) as Name[]);
  let compiled: ReadonlyMap<Name, ValidateFunction> | undefined;
  const validators = (): ReadonlyMap<Name, ValidateFunction> => {
    if (compiled !== undefined) return compiled;
    // verbose: errors carry the offending data, used to say what type was found instead.
    // validateSchema off: our own schema, checked against its meta-schema once by src/own-schemas.test.ts, not at every start (100-500 ms each).
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, validateSchema: false });
    addFormats(ajv);
    for (const name of names) ajv.addSchema(documents[name]);
    const built = new Map<Name, ValidateFunction>();
    for (const name of names) {
      const id = documents[name].$id;
      const fn = ajv.getSchema(id); // compiles (throws on a strict-mode violation)
      if (fn === undefined) throw new Error(`schema ${name}: no schema registered under ${id}`);
      built.set(name, fn);
    }
    compiled = built;
    return built;
  };
  return {
    names,
    validate(name, value) {
      const fn = validators().get(name);
      if (fn === undefined) throw new Error(`unknown schema: ${String(name)}`);
      if (fn(value)) return { ok: true };
      return { ok: false, errors: (fn.errors ?? []).map(toIssue) };
    },
    document(name) {
      const doc = documents[name];
      if (doc === undefined) throw new Error(`unknown schema: ${String(name)}`);
      return structuredClone(doc);
    },
  };
}

const SECTION_1 = schemaSet(DOCUMENTS);

/** Every schema name of this folder's set, in a stable order. */
export const SCHEMA_NAMES: readonly SchemaName[] = SECTION_1.names;

/**
 * Validates `value` against the named schema of this folder's set.
 *
 * @param name - which schema (see {@link SchemaName})
 * @param value - any parsed JSON value
 * @returns `{ ok: true }`, or `{ ok: false, errors }` with every issue found (ajv `allErrors`)
 * @throws Error if a schema does not compile under strict mode (a bug in the schema files)
 */
export function validate(name: SchemaName, value: unknown): ValidationResult {
  return SECTION_1.validate(name, value);
}

/**
 * Joins issues into one line for a report, e.g.
 * `/amount/value: must match pattern ^[0-9]+$; /status: must be one of "approved", ...`.
 * The root is written `(root)`.
 */
export function formatIssues(issues: readonly SchemaIssue[]): string {
  return issues.map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`).join('; ');
}

/**
 * The schema document of `name` as stored in its JSON file (a deep copy: changing it changes
 * neither the validator nor later calls). For reports and for the scenario format.
 */
export function schemaDocument(name: SchemaName): SchemaDocument {
  return SECTION_1.document(name);
}

/** RFC 6901 escaping of one reference token. */
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function jsonType(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

/** Turns an ajv error into a pointer to the member it is about and a readable message. */
function toIssue(error: ErrorObject): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      // ajv points at the parent object; the issue is about the missing member itself.
      return { path: `${error.instancePath}/${pointerToken(String(params['missingProperty']))}`, message: 'is required' };
    case 'type':
      return { path: error.instancePath, message: `must be ${String(params['type'])} (got ${jsonType(error.data)})` };
    case 'pattern':
      return { path: error.instancePath, message: `must match pattern ${String(params['pattern'])}` };
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'] : [];
      return { path: error.instancePath, message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
    }
    case 'const':
      return { path: error.instancePath, message: `must equal ${JSON.stringify(params['allowedValue'])}` };
    default:
      return { path: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
  }
}
