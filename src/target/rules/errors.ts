/** PROFILE 1.4: the error body of every non-200 answer (plain JSON, never an envelope). */
import type { Rejection } from '../rejection';
import type { RuleContext } from './context';

export function errorBody(rejection: Rejection, traceId: string, ctx: RuleContext): unknown {
  const error: Record<string, unknown> = { code: rejection.code, message: rejection.message, trace_id: traceId };
  if (ctx.options.liberties.extraFields) error.docs = 'see PROFILE.md 1.4';
  return { error };
}
