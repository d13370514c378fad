/** PROFILE 1.4: the error body of every non-200 answer (plain JSON, never an envelope). */
import type { Rejection } from '../rejection';
import type { RuleContext } from './context';

export function errorBody(rejection: Rejection, traceId: string, ctx: RuleContext): unknown {
  const { liberties } = ctx.options;
  const message = liberties.otherErrorMessages ? `Anfrage abgelehnt (${rejection.status})` : rejection.message;
  // PROFILE 1.4: a 404 carries any 4-digit code (the reference's is 4040).
  const code = rejection.status === 404 ? liberties.notFoundCode : rejection.code;
  const error: Record<string, unknown> = { code, message, trace_id: traceId };
  if (liberties.extraFields) error.docs = 'see PROFILE.md 1.4';
  if (liberties.timestampsInAnswers) error.created_at = new Date(ctx.options.now()).toISOString().replace('Z', '+00:00');
  return { error };
}
