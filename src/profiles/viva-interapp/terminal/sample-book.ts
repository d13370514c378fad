/**
 * The built-in transaction book: one payment for each situation of seed 003, dated relative to
 * now so that a same-day cancel is possible whenever the simulator starts.
 */
import { formatIsoWithOffset } from '../protocol/dates';
import type { TransactionBook } from './types';

export const SAMPLE_TID = '16016684';
export const OTHER_TID = '16016685';
const OFFSET_MINUTES = 180; // +0300, as the seed writes its dates
const DAY = 86_400_000;

/** The sample book at `now`: a sale of today, an older sale, another terminal's sale, a pre-auth. */
export function sampleBook(now = Date.now()): TransactionBook {
  const at = (daysAgo: number) => formatIsoWithOffset(now - daysAgo * DAY - 60_000, OFFSET_MINUTES);
  const card = { type: 'Debit Mastercard', number: '5374890000041831' };
  return {
    terminal: { tid: SAMPLE_TID, acquirerCode: '116', offset: '+0300' },
    transactions: [
      { type: 'sale', orderCode: '1091159196000136', shortOrderCode: '1091159196', stan: '833121', date: at(0), amount: 1200, card, tid: SAMPLE_TID, rrn: '123456833121', authCode: '690882' },
      { type: 'sale', orderCode: '1091159197000137', shortOrderCode: '1091159197', stan: '833122', date: at(3), amount: 5000, card: { type: 'Visa', number: '4111111111111111' }, tid: SAMPLE_TID, rrn: '123456833122', authCode: '690883' },
      { type: 'sale', orderCode: '1091159198000138', shortOrderCode: '1091159198', stan: '833123', date: at(0), amount: 800, card, tid: OTHER_TID, rrn: '123456833123', authCode: '690884' },
      { type: 'preauth', orderCode: '1091159199000139', shortOrderCode: '1091159199', stan: '833124', date: at(1), amount: 3000, card, tid: SAMPLE_TID, rrn: '123456833124', authCode: '690885' },
    ],
  };
}
