/** What a verification's verdicts may carry out of the process that made them. */
import { MESSAGE_CHARS } from '../core/evidence';
import type { Redactor } from '../core/redactor';
import type { InteractionVerdict } from './verify';

/**
 * The verdicts as they may leave the process: redacted, each message at most MESSAGE_CHARS (Pact's
 * mismatches can quote a whole answer). A message is cut before it is masked, so its cut end goes
 * through the redactor's cut-text masking (half a secret is masked too).
 */
export function boundedVerdicts(verdicts: InteractionVerdict[], redactor: Redactor): InteractionVerdict[] {
  const message = (text: string) => (text.length <= MESSAGE_CHARS ? redactor.text(text) : `${redactor.cutText(text.slice(0, MESSAGE_CHARS))}... (${text.length} characters, first ${MESSAGE_CHARS} shown)`);
  return verdicts.map((v) => redactor.value({ ...v, messages: v.messages.map(message) }));
}
