import { parseCallbackUri } from '../protocol/callback';
import { buildRequestUri, type RequestField } from '../protocol/request';
import { startTerminalSimulator, type RunningTerminalSimulator } from './server';
import { VIVA_TRANSACTION_STATE } from './state-hook';
import { TERMINAL_VARIATIONS, TERMINAL_VARIATIONS_BY_NAME, type TerminalVariation } from './variations';
import { VIVA_CLAUSES } from '../clauses';

const BASE = { merchantKey: 'K', appId: 'a', action: 'cancel', callback: 'cb', protocol: 'int_default' };
const SALE_TODAY = { orderCode: '1091159196000136' };

/** A payment made through the state hook: what the hook answers (its codes and `date`). */
async function payment(sim: RunningTerminalSimulator): Promise<Record<string, string>> {
  const res = await fetch(sim.stateUrl, { method: 'POST', body: JSON.stringify({ action: 'setup', state: VIVA_TRANSACTION_STATE, params: { amount: 500, daysAgo: 1 } }) });
  return (await res.json()) as Record<string, string>;
}

/**
 * The HTTP status, raw callback and fields that a simulator (with a variation, or the reference
 * one) gives a request, and the date of a payment its state hook made.
 */
async function callbackOf(variation: TerminalVariation | undefined, fields: Partial<Record<RequestField, string>>, base?: string) {
  const sim = await startTerminalSimulator({ ...(variation && { rules: variation.rules }) });
  try {
    const res = await fetch(`${sim.url}/interapp`, { method: 'POST', body: JSON.stringify({ uri: buildRequestUri({ ...BASE, ...fields }, base) }) });
    const raw = ((await res.json()) as { callback?: string }).callback;
    // An adapter may turn a request away with no callback at all (decision I32).
    if (raw === undefined) return { status: res.status, raw: '', fields: {} as Record<string, string | undefined>, paymentDate: (await payment(sim)).date! };
    const parsed = parseCallbackUri(raw);
    if (!parsed.ok) throw new Error(parsed.problem);
    return { status: res.status, raw, fields: parsed.callback.fields as Record<string, string | undefined>, paymentDate: (await payment(sim)).date! };
  } finally {
    await sim.close();
  }
}

type Shown = Awaited<ReturnType<typeof callbackOf>>;

/** For each variation: a request where it shows, and what is true of its answer but not of the reference one. */
const SHOWS: Record<string, { fields: Partial<Record<RequestField, string>>; base?: string; holds: (answer: Shown) => boolean }> = {
  'viva-failure-status-failed': { fields: { orderCode: '0' }, holds: (a) => a.fields.status === 'failed' },
  'viva-failure-bare': { fields: { orderCode: '1091159197000137', amount: '5001' }, holds: (a) => a.fields.status !== 'success' && a.fields.orderCode === undefined },
  'viva-date-extended-offset': { fields: SALE_TODAY, holds: (a) => /[+-]\d{2}:\d{2}$/.test(a.fields.transactionDate!) },
  'viva-date-utc': { fields: SALE_TODAY, holds: (a) => /:\d{2}Z$/.test(a.fields.transactionDate!) },
  'viva-uuid-uppercase': { fields: SALE_TODAY, holds: (a) => /^[0-9A-F-]{36}$/.test(a.fields.transactionId!) },
  'viva-extra-callback-fields': { fields: SALE_TODAY, holds: (a) => a.fields.rrn === '123456833121' },
  'viva-callback-reordered-escaped': { fields: SALE_TODAY, holds: (a) => a.raw.includes('%2B') && a.raw.indexOf('transactionId=') < a.raw.indexOf('status=') },
  'viva-greek-messages': { fields: SALE_TODAY, holds: (a) => /[Α-Ωα-ω]/.test(a.fields.message!) },
  'viva-failure-status-varied': { fields: { orderCode: '0' }, holds: (a) => a.fields.status === 'error' },
  'viva-callback-all-escaped': { fields: SALE_TODAY, holds: (a) => a.raw.includes('%73%74%61%74%75%73=%73%75%63%63%65%73%73') && a.fields.status === 'success' },
  'viva-success-message-empty': { fields: SALE_TODAY, holds: (a) => a.fields.status === 'success' && a.fields.message === '' },
  'viva-failure-http-400': { fields: { orderCode: '0' }, holds: (a) => a.status === 400 && a.fields.status === 'fail' },
  'viva-payment-dates-utc-seconds': { fields: SALE_TODAY, holds: (a) => /T\d{2}:\d{2}:\d{2}Z$/.test(a.paymentDate) },
  'viva-payment-dates-microseconds-west': { fields: SALE_TODAY, holds: (a) => /\.\d{6}-05:00$/.test(a.paymentDate) },
  'viva-same-day-refunds': { fields: SALE_TODAY, holds: (a) => a.fields.status === 'success' && a.fields.message === 'Transaction refunded' },
  'viva-foreign-uri-http-422': { fields: SALE_TODAY, base: 'vivapayclient://pay/v2', holds: (a) => a.status === 422 && a.raw === '' },
  'viva-zero-amount-refunds-nothing': { fields: { ...SALE_TODAY, amount: '0' }, holds: (a) => a.fields.status === 'success' && a.fields.amount === '0' },
  'viva-aade-empty-is-present': { fields: { ...SALE_TODAY, aadeProviderId: '', aadeProviderSignatureData: '', aadeProviderSignature: '' }, holds: (a) => a.fields.status !== 'success' },
  'viva-blank-required-accepted': { fields: { ...SALE_TODAY, merchantKey: '  ' }, holds: (a) => a.fields.status === 'success' },
  'viva-protocol-required': { fields: { ...SALE_TODAY, protocol: undefined }, holds: (a) => a.fields.status !== 'success' },
  'viva-empty-search-key-given': { fields: { ...SALE_TODAY, shortOrderCode: '' }, holds: (a) => a.fields.status !== 'success' },
};

describe('the Viva terminal legal variations', () => {
  it('have unique names, each citing a clause of PROFILE 3 on the terminal side', () => {
    expect(TERMINAL_VARIATIONS_BY_NAME.size).toBe(TERMINAL_VARIATIONS.length);
    for (const v of TERMINAL_VARIATIONS) expect(VIVA_CLAUSES.find((c) => c.id === v.clause)?.side).toBe('terminal');
    expect(Object.keys(SHOWS).sort()).toEqual(TERMINAL_VARIATIONS.map((v) => v.name).sort());
  });

  it.each(TERMINAL_VARIATIONS.map((v) => [v.name, v] as const))('%s changes what the terminal answers', async (name, variation) => {
    // Arrange
    const { fields, base, holds } = SHOWS[name]!;
    // Act
    const reference = await callbackOf(undefined, fields, base);
    const varied = await callbackOf(variation, fields, base);
    // Assert
    expect(holds(varied)).toBe(true);
    expect(holds(reference)).toBe(false);
  });
});
