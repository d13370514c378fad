/** What a fault of the Viva terminal simulator is, and helpers that switch one rule the way real terminals get it wrong. */
import { URI_CHECKS } from '../protocol/lint/registry';
import type { UriCheck } from '../protocol/lint/uri-check';
import type { VivaRequest } from '../protocol/request';
import { firstMustProblem, type TerminalRules } from './rules';

export interface TerminalFault {
  /** Stable name: `paycert serve --profile viva-interapp --fault NAME` and the selftest. */
  name: string;
  title: string;
  /** The PROFILE 3 clause it breaks. */
  clause: string;
  level: 'MUST' | 'SHOULD';
  /** The one rule it switches. */
  rules: Partial<TerminalRules>;
  /** Checks that must catch it (the selftest fails the harness if one does not). */
  caughtBy: string[];
}

type Fields = VivaRequest['fields'];

/**
 * The reference validation with the request checks of `replace` switched: `null` leaves one out,
 * a function makes it judge the fields as that terminal reads them (an empty value taken as given...).
 */
export function validateWith(replace: Readonly<Record<string, ((fields: Fields) => Fields) | null>>): TerminalRules['validateRequest'] {
  const checks = URI_CHECKS.flatMap((check): UriCheck[] => {
    if (!(check.id in replace)) return [check];
    const reading = replace[check.id];
    return reading ? [{ ...check, run: (request, ctx) => check.run({ ...request, fields: reading(request.fields) }, ctx) }] : [];
  });
  return (request, ctx) => firstMustProblem(request, ctx, checks);
}
