import { parseCallbackUri } from '../protocol/callback';
import { shiftIsoDate } from '../protocol/dates';
import { buildRequestUri, type RequestField } from '../protocol/request';
import { readProviderPrivateKey, signAadeData } from '../protocol/aade';
import { makeProviderKeys } from './provider-key';
import { sampleBook } from './sample-book';
import { startTerminalSimulator, type RunningTerminalSimulator } from './server';
import type { TransactionBook } from './types';
import { TERMINAL_FAULTS, TERMINAL_FAULTS_BY_NAME, type TerminalFault } from './variants';
import { VIVA_CLAUSES } from '../clauses';

const BASE = { merchantKey: 'K', appId: 'a', action: 'cancel', callback: 'cb', protocol: 'int_default' };
// The simulators here trust this provider key, so AADE requests are signed with it (or signed badly).
const KEYS = makeProviderKeys();
const PROVIDER = readProviderPrivateKey(KEYS.privatePem);
const DATA = 'A;;B;C;D;E;F;G';
const AADE = { aadeProviderId: '999', aadeProviderSignatureData: DATA, aadeProviderSignature: signAadeData(DATA, PROVIDER) };
const BAD_AADE = { ...AADE, aadeProviderSignature: signAadeData(`${DATA}x`, PROVIDER) };
/** AADE parameters whose signature data is `data`, validly signed. */
const signedAade = (data: string) => ({ ...AADE, aadeProviderSignatureData: data, aadeProviderSignature: signAadeData(data, PROVIDER) });
/** The valid signature with a `*` inside: not base64, but Node's Buffer.from skips the `*`. */
const JUNK_SIGNATURE = `${AADE.aadeProviderSignature.slice(0, 40)}*${AADE.aadeProviderSignature.slice(40)}`;
/** The simulators run at noon (+0300) of a fixed day, so "today" never straddles midnight. */
const NOON = Date.UTC(2026, 0, 15, 9, 0, 0);

/** The sample book's payments: a sale of 1200 today, one of 5000 three days ago, another terminal's sale of 800 today. */
const TODAY = '1091159196000136';
const OLD = '1091159197000137';
const OTHER_TERMINAL_SHORT = '1091159198';
const oldDate = (book: TransactionBook) => book.transactions.find((t) => t.orderCode === OLD)!.date;

interface Request {
  fields: Partial<Record<RequestField, string | undefined>>;
  /** Another scheme://host/path than vivapayclient://pay/v1. */
  base?: string;
  prepend?: string;
  append?: string;
}
type RequestOf = Request | ((book: TransactionBook) => Request);

async function send(sim: RunningTerminalSimulator, requestOf: RequestOf) {
  const { fields, prepend, append, base: requestBase } = typeof requestOf === 'function' ? requestOf(sim.context.book) : requestOf;
  const built = buildRequestUri({ ...BASE, ...fields } as Partial<Record<RequestField, string>>, requestBase);
  const [base, query] = built.split('?');
  const uri = `${base}?${[prepend, query, append].filter(Boolean).join('&')}`;
  const res = await fetch(`${sim.url}/interapp`, { method: 'POST', body: JSON.stringify({ uri }) });
  const parsed = parseCallbackUri(((await res.json()) as { callback: string }).callback);
  if (!parsed.ok) throw new Error(parsed.problem);
  return { scheme: parsed.callback.scheme, ...parsed.callback.fields } as Record<string, string | undefined>;
}

/** The callback of the last request, after the ones before it, from a simulator (faulty, or the reference one when `fault` is undefined). */
async function callbackOf(fault: TerminalFault | undefined, requests: readonly RequestOf[]) {
  const sim = await startTerminalSimulator({ aadeKey: KEYS.publicKey, book: sampleBook(NOON), now: () => NOON, ...(fault && { rules: fault.rules }) });
  try {
    let last: Record<string, string | undefined> = {};
    for (const request of requests) last = await send(sim, request);
    return last;
  } finally {
    await sim.close();
  }
}

/** For each fault: the requests where it shows (the last one's callback differs), and in which field. */
const SHOWS: Record<string, { requests: RequestOf[]; field: string }> = {
  'viva-account-unmasked': { requests: [{ fields: { orderCode: TODAY } }], field: 'accountNumber' },
  'viva-precedence-reversed': { requests: [{ fields: { orderCode: TODAY, referenceNumber: '833122', amount: '100' } }], field: 'orderCode' },
  'viva-date-to-alone-accepted': { requests: [{ fields: { orderCode: TODAY, txnDateTo: '2099-01-01T00:00:00.000+0300' } }], field: 'status' },
  'viva-amount-in-euros': { requests: [{ fields: { orderCode: TODAY } }], field: 'amount' },
  'viva-aade-id-missing': { requests: [{ fields: { orderCode: TODAY, ...AADE } }], field: 'aadeTransactionId' },
  'viva-callback-wrong-scheme': { requests: [{ fields: { orderCode: TODAY } }], field: 'scheme' },
  'viva-short-code-any-terminal': { requests: [{ fields: { shortOrderCode: OTHER_TERMINAL_SHORT } }], field: 'status' },
  'viva-refund-over-amount': { requests: [{ fields: { orderCode: OLD, amount: '5001' } }], field: 'status' },
  'viva-transaction-date-no-offset': { requests: [{ fields: { orderCode: TODAY } }], field: 'transactionDate' },
  'viva-account-last-four': { requests: [{ fields: { orderCode: TODAY } }], field: 'accountNumber' },
  'viva-status-capitalised': { requests: [{ fields: { orderCode: TODAY } }], field: 'status' },
  'viva-aade-signature-unchecked': { requests: [{ fields: { orderCode: TODAY, ...BAD_AADE } }], field: 'status' },
  'viva-transaction-id-fixed': { requests: [{ fields: { orderCode: TODAY } }], field: 'transactionId' },
  'viva-same-day-partial-voids': { requests: [{ fields: { orderCode: TODAY, amount: '200' } }], field: 'amount' },
  'viva-date-window-ignored': { requests: [{ fields: { referenceNumber: '833122', txnDateFrom: '2099-01-01T00:00:00.000+0300', amount: '100' } }], field: 'status' },
  // The request's reading and validation.
  'viva-merchant-key-empty-accepted': { requests: [{ fields: { orderCode: TODAY, merchantKey: '' } }], field: 'status' },
  'viva-merchant-key-optional': { requests: [{ fields: { orderCode: TODAY, merchantKey: undefined } }], field: 'status' },
  'viva-app-id-optional': { requests: [{ fields: { orderCode: TODAY, appId: undefined } }], field: 'status' },
  'viva-action-case-insensitive': { requests: [{ fields: { orderCode: TODAY, action: 'Cancel' } }], field: 'status' },
  'viva-action-missing-accepted': { requests: [{ fields: { orderCode: TODAY, action: undefined } }], field: 'status' },
  'viva-action-unchecked': { requests: [{ fields: { orderCode: TODAY, action: 'sale' } }], field: 'status' },
  'viva-amount-parse-int': { requests: [{ fields: { orderCode: TODAY, amount: '600a' } }], field: 'status' },
  'viva-amount-number-coerced': { requests: [{ fields: { orderCode: TODAY, amount: ' 600' } }], field: 'status' },
  'viva-amount-empty-full-refund': { requests: [{ fields: { orderCode: TODAY, amount: '' } }], field: 'status' },
  'viva-aade-partial-accepted': { requests: [{ fields: { orderCode: TODAY, aadeProviderId: '999' } }], field: 'status' },
  'viva-aade-set-keyed-on-id': { requests: [{ fields: { orderCode: TODAY, ...AADE, aadeProviderId: undefined } }], field: 'status' },
  'viva-flags-unchecked': { requests: [{ fields: { orderCode: TODAY, show_receipt: '1' } }], field: 'status' },
  'viva-repeat-first-wins': { requests: [{ fields: { orderCode: TODAY }, append: 'action=sale' }], field: 'status' },
  'viva-repeat-last-wins': { requests: [{ fields: { orderCode: TODAY }, prepend: 'action=sale' }], field: 'status' },
  'viva-repeat-same-value-accepted': { requests: [{ fields: { orderCode: TODAY, amount: '100' }, append: 'amount=100' }], field: 'status' },
  'viva-dates-js-date': { requests: [{ fields: { orderCode: TODAY, txnDateFrom: '2020-01-01' } }], field: 'status' },
  'viva-plus-read-as-space': { requests: [{ fields: { orderCode: TODAY, txnDateFrom: '2020-01-01T00:00:00.000+0000' } }], field: 'status' },
  // The request's form: URI, AADE formats, flags, a zero amount.
  'viva-request-uri-unchecked': { requests: [{ base: 'vivapayclient://pay/v2', fields: { orderCode: TODAY } }], field: 'status' },
  'viva-request-uri-by-prefix': { requests: [{ base: 'vivapayclient://pay/v10', fields: { orderCode: TODAY } }], field: 'status' },
  'viva-aade-signature-lenient-base64': { requests: [{ fields: { orderCode: TODAY, ...AADE, aadeProviderSignature: JUNK_SIGNATURE } }], field: 'status' },
  'viva-aade-data-count-unchecked': { requests: [{ fields: { orderCode: TODAY, ...signedAade('A;;B;C;D;E;F') } }], field: 'status' },
  'viva-aade-data-java-split': { requests: [{ fields: { orderCode: TODAY, ...signedAade(`${DATA};`) } }], field: 'status' },
  'viva-aade-empty-counted-present': { requests: [{ fields: { orderCode: TODAY, ...AADE, aadeProviderSignature: '' } }], field: 'status' },
  'viva-amount-zero-full-refund': { requests: [{ fields: { orderCode: OLD, amount: '0' } }], field: 'status' },
  'viva-flags-true-refused': { requests: [{ fields: { orderCode: TODAY, show_receipt: 'true' } }], field: 'status' },
  'viva-flags-required': { requests: [{ fields: { orderCode: TODAY } }], field: 'status' },
  'viva-form-refusals-no-message': { requests: [{ fields: { orderCode: TODAY, ...signedAade('A;B') } }], field: 'message' },
  // The search and the decision.
  'viva-precedence-fallback': { requests: [{ fields: { shortOrderCode: OTHER_TERMINAL_SHORT, orderCode: TODAY } }], field: 'status' },
  'viva-date-window-stan-only': { requests: [{ fields: { orderCode: OLD, txnDateFrom: '2099-01-01T00:00:00.000+0300', amount: '100' } }], field: 'status' },
  'viva-date-bounds-exclusive': { requests: [(book) => ({ fields: { orderCode: OLD, txnDateFrom: oldDate(book), amount: '100' } })], field: 'status' },
  'viva-date-to-exclusive': { requests: [(book) => ({ fields: { orderCode: OLD, txnDateFrom: '2020-01-01T00:00:00.000+0000', txnDateTo: oldDate(book), amount: '100' } })], field: 'status' },
  'viva-date-to-ignored': { requests: [(book) => ({ fields: { orderCode: OLD, txnDateFrom: '2020-01-01T00:00:00.000+0000', txnDateTo: shiftIsoDate(oldDate(book), -1), amount: '100' } })], field: 'status' },
  'viva-date-offset-ignored': { requests: [(book) => ({ fields: { orderCode: OLD, txnDateFrom: shiftIsoDate(oldDate(book), 1, '-1000'), amount: '100' } })], field: 'status' },
  'viva-date-to-default-midnight': { requests: [{ fields: { orderCode: TODAY, txnDateFrom: '2020-01-01T00:00:00.000+0000', amount: '100' } }], field: 'status' },
  'viva-remaining-refund-whole-amount': { requests: [{ fields: { orderCode: OLD, amount: '1000' } }, { fields: { orderCode: OLD } }], field: 'amount' },
  'viva-same-day-remaining-voids': { requests: [{ fields: { orderCode: TODAY, amount: '200' } }, { fields: { orderCode: TODAY } }], field: 'amount' },
  'viva-failure-no-message': { requests: [{ fields: { orderCode: '0' } }], field: 'message' },
};

describe('the Viva terminal faults', () => {
  it('has at least 6 faults, unique names, each breaking a clause of PROFILE 3 at its level', () => {
    expect(TERMINAL_FAULTS.length).toBeGreaterThanOrEqual(6);
    expect(TERMINAL_FAULTS_BY_NAME.size).toBe(TERMINAL_FAULTS.length);
    for (const f of TERMINAL_FAULTS) expect(VIVA_CLAUSES.find((c) => c.id === f.clause)?.level).toBe(f.level);
    expect(Object.keys(SHOWS).sort()).toEqual(TERMINAL_FAULTS.map((f) => f.name).sort());
  });

  it('switches one rule each', () => {
    const many = TERMINAL_FAULTS.filter((f) => Object.keys(f.rules).length !== 1).map((f) => f.name);
    expect(many).toEqual([]);
  });

  it.each(TERMINAL_FAULTS.map((f) => [f.name, f] as const))('%s changes what the terminal answers', async (name, fault) => {
    // Arrange
    const { requests, field } = SHOWS[name]!;
    // Act
    const reference = await callbackOf(undefined, requests);
    const faulty = await callbackOf(fault, requests);
    // Assert
    expect(faulty[field]).not.toEqual(reference[field]);
  });
});
