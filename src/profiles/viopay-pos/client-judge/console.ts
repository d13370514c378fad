/**
 * The judge's console lines while a session runs: one per request (what came in, what the app got
 * back, how many rules it broke), then one per broken rule, with the diagnosis of a bad signature.
 * Every line passes through the session's redactor.
 */
import type { Redactor } from '../../../core/redactor';
import type { JudgedRequest } from './session';

/** One line per request, then one per broken rule of it (MUST: FAIL; SHOULD: WARN). */
export function requestLines(judged: JudgedRequest, redactor: Redactor): string[] {
  const { request, answer, breaches } = judged;
  const status = answer ? String(answer.status) : 'no answer (the app closed the connection first)';
  const verdict = breaches.length === 0 ? `${judged.exercised.size} rules held` : `${breaches.length} rule${breaches.length === 1 ? '' : 's'} broken`;
  const lines = [`#${request.index} ${request.method} ${request.target} -> ${status}: ${verdict}`];
  for (const { check, judgement } of breaches) {
    lines.push(`    ${check.level === 'MUST' ? 'FAIL' : 'WARN'} ${check.id} (${check.level}, PROFILE ${check.ref.clause}): ${judgement.message}`);
  }
  return lines.map((line) => redactor.text(line.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)));
}
