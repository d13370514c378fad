/**
 * Every request-URI check, by stable id. To add one: a file in `checks/`, one line here.
 * A duplicate id throws when this module loads.
 */
import type { UriCheck } from './uri-check';
import { actionCancel } from './checks/action';
import { aadeComplete } from './checks/aade-complete';
import { aadeSignatureBase64 } from './checks/aade-signature-base64';
import { aadeSignatureData } from './checks/aade-signature-data';
import { aadeSignatureValid } from './checks/aade-signature-valid';
import { amountCents } from './checks/amount';
import { dateFormat } from './checks/date-format';
import { dateRange } from './checks/date-range';
import { booleanFlags } from './checks/flags';
import { protocolDefault } from './checks/protocol';
import { referenceNumberStan } from './checks/reference-number';
import { requiredFields } from './checks/required';
import { uniqueParams } from './checks/unique-params';
import { requestUri } from './checks/uri';

/** Builds the id index; throws on a duplicate id. */
export function indexUriChecks(checks: readonly UriCheck[]): ReadonlyMap<string, UriCheck> {
  const byId = new Map<string, UriCheck>();
  for (const check of checks) {
    if (byId.has(check.id)) throw new Error(`duplicate URI check id "${check.id}"`);
    byId.set(check.id, check);
  }
  return byId;
}

export const URI_CHECKS: readonly UriCheck[] = [
  requestUri, uniqueParams, requiredFields, actionCancel, protocolDefault, amountCents, referenceNumberStan,
  dateFormat, dateRange, booleanFlags, aadeComplete, aadeSignatureData, aadeSignatureBase64, aadeSignatureValid,
];

export const URI_CHECKS_BY_ID = indexUriChecks(URI_CHECKS);
