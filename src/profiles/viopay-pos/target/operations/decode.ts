/** Opening and schema-checking a request plaintext: every failure is 400 `4000` (PROFILE 1.3, 1.5). */
import { EnvelopeError } from '../../../../crypto/envelope-errors';
import type { SchemaName } from '../../../../schemas/validator';
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
  return ctx.options.rules.readPlaintext(schema, plaintext) as T;
}
