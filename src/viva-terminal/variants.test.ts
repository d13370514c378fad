import { parseCallbackUri } from '../viva/callback';
import { buildRequestUri, type RequestField } from '../viva/request';
import { readProviderPrivateKey, signAadeData } from '../viva/aade';
import { makeProviderKeys } from './provider-key';
import { startTerminalSimulator } from './server';
import { TERMINAL_FAULTS, TERMINAL_FAULTS_BY_NAME, type TerminalFault } from './variants';
import { VIVA_CLAUSES } from '../profile/clauses';

const BASE = { merchantKey: 'K', appId: 'a', action: 'cancel', callback: 'cb', protocol: 'int_default' };
// The simulators here trust this provider key, so AADE requests are signed with it (or signed badly).
const KEYS = makeProviderKeys();
const PROVIDER = readProviderPrivateKey(KEYS.privatePem);
const DATA = 'A;;B;C;D;E;F;G';
const AADE = { aadeProviderId: '999', aadeProviderSignatureData: DATA, aadeProviderSignature: signAadeData(DATA, PROVIDER) };
const BAD_AADE = { ...AADE, aadeProviderSignature: signAadeData(`${DATA}x`, PROVIDER) };

/** The callback a simulator (faulty, or the reference one when `fault` is undefined) gives a request. */
async function callbackOf(fault: TerminalFault | undefined, fields: Partial<Record<RequestField, string>>) {
  const sim = await startTerminalSimulator({ aadeKey: KEYS.publicKey, ...(fault && { rules: fault.rules }) });
  try {
    const res = await fetch(`${sim.url}/interapp`, { method: 'POST', body: JSON.stringify({ uri: buildRequestUri({ ...BASE, ...fields }) }) });
    const parsed = parseCallbackUri(((await res.json()) as { callback: string }).callback);
    if (!parsed.ok) throw new Error(parsed.problem);
    return { scheme: parsed.callback.scheme, ...parsed.callback.fields };
  } finally {
    await sim.close();
  }
}

/** For each fault: a request where it shows, and what differs. */
const SHOWS: Record<string, { fields: Partial<Record<RequestField, string>>; field: string }> = {
  'viva-account-unmasked': { fields: { orderCode: '1091159196000136' }, field: 'accountNumber' },
  'viva-precedence-reversed': { fields: { orderCode: '1091159196000136', referenceNumber: '833122', amount: '100' }, field: 'orderCode' },
  'viva-date-to-alone-accepted': { fields: { orderCode: '1091159196000136', txnDateTo: '2099-01-01T00:00:00.000+0300' }, field: 'status' },
  'viva-amount-in-euros': { fields: { orderCode: '1091159196000136' }, field: 'amount' },
  'viva-aade-id-missing': { fields: { orderCode: '1091159196000136', ...AADE }, field: 'aadeTransactionId' },
  'viva-callback-wrong-scheme': { fields: { orderCode: '1091159196000136' }, field: 'scheme' },
  'viva-short-code-any-terminal': { fields: { shortOrderCode: '1091159198' }, field: 'status' },
  'viva-refund-over-amount': { fields: { orderCode: '1091159197000137', amount: '5001' }, field: 'status' },
  'viva-transaction-date-no-offset': { fields: { orderCode: '1091159196000136' }, field: 'transactionDate' },
  'viva-account-last-four': { fields: { orderCode: '1091159196000136' }, field: 'accountNumber' },
  'viva-status-capitalised': { fields: { orderCode: '1091159196000136' }, field: 'status' },
  'viva-aade-signature-unchecked': { fields: { orderCode: '1091159196000136', ...BAD_AADE }, field: 'status' },
  'viva-transaction-id-fixed': { fields: { orderCode: '1091159196000136' }, field: 'transactionId' },
  'viva-same-day-partial-voids': { fields: { orderCode: '1091159196000136', amount: '200' }, field: 'amount' },
  'viva-date-window-ignored': { fields: { referenceNumber: '833122', txnDateFrom: '2099-01-01T00:00:00.000+0300', amount: '100' }, field: 'status' },
};

describe('the Viva terminal faults', () => {
  it('has at least 6 faults, unique names, each breaking a clause of PROFILE 3 at its level', () => {
    expect(TERMINAL_FAULTS.length).toBeGreaterThanOrEqual(6);
    expect(TERMINAL_FAULTS_BY_NAME.size).toBe(TERMINAL_FAULTS.length);
    for (const f of TERMINAL_FAULTS) expect(VIVA_CLAUSES.find((c) => c.id === f.clause)?.level).toBe(f.level);
    expect(Object.keys(SHOWS).sort()).toEqual(TERMINAL_FAULTS.map((f) => f.name).sort());
  });

  it.each(TERMINAL_FAULTS.map((f) => [f.name, f] as const))('%s changes what the terminal answers', async (name, fault) => {
    // Arrange
    const { fields, field } = SHOWS[name]!;
    // Act
    const reference = await callbackOf(undefined, fields);
    const faulty = await callbackOf(fault, fields);
    // Assert
    expect((faulty as Record<string, unknown>)[field]).not.toEqual((reference as Record<string, unknown>)[field]);
  });
});
