/** Opening and schema-checking a request plaintext: every failure is 400 `4000` (PROFILE 1.3, 1.5). */
import { EnvelopeError } from '../../crypto/envelope-errors';
import { formatIssues, validate, type SchemaName } from '../../schemas/validator';
import { reject, RejectionError } from '../rejection';
import type { OperationInput } from './types';

export function decodeRequest<T>(input: OperationInput, schema: SchemaName): T {
  const { req, ctx, terminal } = input;
  let plaintext: unknown;
  try {
    plaintext = ctx.options.rules.openRequestBody(req.body, terminal.msk);
  } catch (error) {
    if (error instanceof EnvelopeError) throw new RejectionError(reject.badRequest(`bad envelope: ${error.message}`));
    throw error;
  }
  const result = validate(schema, plaintext);
  if (!result.ok) throw new RejectionError(reject.badRequest(`invalid ${schema}: ${formatIssues(result.errors)}`));
  return plaintext as T;
}
