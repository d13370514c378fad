/**
 * PROFILE 1.5 / 1.6: reading a request plaintext against its schema (required fields and types,
 * the amount and currency formats). Every violation is 400 `4000`. Returns the plaintext the
 * operation works on; a variant that reads leniently returns it coerced.
 */
import { formatIssues, validate, type SchemaName } from '../../../../schemas/validator';
import { reject, RejectionError } from '../rejection';

export function readPlaintext(schema: SchemaName, plaintext: unknown): unknown {
  const result = validate(schema, plaintext);
  if (!result.ok) throw new RejectionError(reject.badRequest(`invalid ${schema}: ${formatIssues(result.errors)}`));
  return plaintext;
}
