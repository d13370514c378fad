/**
 * PROFILE 1.5 amounts: `value` digits only (MUST) and, as the reference reads the SHOULDs,
 * greater than zero, at most 12 digits, no leading zero; `currency` three upper-case letters
 * (MUST) and an ISO 4217 code (SHOULD). The schema has already checked the MUST shape.
 */
import { AMOUNT_VALUE_STRICT_PATTERN } from '../../../../profile/pos';
import { isIso4217 } from '../../../../profile/iso4217';
import { reject, type Rejection } from '../rejection';
import type { Amount } from '../store';

export function checkAmount(amount: Amount): Rejection | null {
  if (!AMOUNT_VALUE_STRICT_PATTERN.test(amount.value)) {
    return reject.badRequest('amount.value must be 1 to 12 digits with no leading zero, greater than zero');
  }
  if (!isIso4217(amount.currency)) return reject.badRequest('amount.currency is not an ISO 4217 code');
  return null;
}
