import { buildCallbackUri, CALLBACK_FORMATS, callbackProblems, parseCallbackUri, type VivaCallback } from './callback';

describe('callback URI', () => {
  it('builds {callback}://result with the fields and parses them back', () => {
    // Arrange
    const fields = {
      status: 'success', message: 'Transaction successful', action: 'cancel', amount: '1200', cardType: 'Debit Mastercard',
      accountNumber: '537489******1831', orderCode: '1091159196000136', shortOrderCode: '1091159196', tid: '16016684',
      transactionDate: '2021-03-30T00:00:00.000+0300', transactionId: 'a78e045c-49c3-4743-9071-f1e0ed71810c',
    };
    // Act
    const uri = buildCallbackUri('interapp-callback', fields);
    const parsed = parseCallbackUri(uri);
    // Assert
    expect(uri.startsWith('interapp-callback://result?status=success&message=Transaction%20successful&')).toBe(true);
    expect(parsed).toEqual({ ok: true, callback: { scheme: 'interapp-callback', host: 'result', fields } });
  });

  it('has formats that take the seed examples and refuse near misses', () => {
    expect(CALLBACK_FORMATS.accountNumber.test('537489******1831')).toBe(true);
    expect(CALLBACK_FORMATS.accountNumber.test('5374890000041831')).toBe(false);
    expect(CALLBACK_FORMATS.aadeTransactionId.test('116123456833121690882')).toBe(true);
    expect(CALLBACK_FORMATS.aadeTransactionId.test('116-123456833121-690882')).toBe(false);
    expect(CALLBACK_FORMATS.transactionId.test('a78e045c-49c3-4743-9071-f1e0ed71810c')).toBe(true);
    expect(CALLBACK_FORMATS.amount.test('12.00')).toBe(false);
  });
});

describe('callbackProblems', () => {
  const success = (fields: Record<string, string> = {}, scheme = 'interapp-callback'): VivaCallback => ({
    scheme,
    host: 'result',
    fields: {
      status: 'success', message: 'Transaction successful', action: 'cancel', amount: '1200', cardType: 'Debit Mastercard',
      accountNumber: '537489******1831', orderCode: '1091159196000136', shortOrderCode: '1091159196', tid: '16016684',
      transactionDate: '2021-03-30T00:00:00.000+0300', transactionId: 'a78e045c-49c3-4743-9071-f1e0ed71810c', ...fields,
    },
  });
  const expected = { scheme: 'interapp-callback', aade: false };
  const clauses = (cb: VivaCallback, aade = false) => callbackProblems(cb, { ...expected, aade }).map((p) => p.clause);

  it('finds nothing wrong with the seed example, nor with a failure carrying only status, message and action', () => {
    expect(callbackProblems(success(), expected)).toEqual([]);
    expect(callbackProblems({ scheme: 'interapp-callback', host: 'result', fields: { status: 'fail', message: 'not found', action: 'cancel' } }, expected)).toEqual([]);
  });

  it('takes the scheme and host in any case, a date without offset, and an empty message', () => {
    expect(callbackProblems({ ...success({ message: '', transactionDate: '2021-03-30T00:00:00' }), scheme: 'Interapp-Callback', host: 'RESULT' }, expected)).toEqual([]);
  });

  it.each([
    ['the wrong scheme', success({}, 'vivapayclient'), '3/callback-fields'],
    ['an amount in euros', success({ amount: '12.00' }), '3/callback-fields'],
    ['a whole card number', success({ accountNumber: '5374890000041831' }), '3/callback-masking'],
    ['a transactionId that is no UUID', success({ transactionId: '42' }), '3/callback-fields'],
    ['a date that is no date', success({ transactionDate: '30/03/2021' }), '3/callback-fields'],
    ['another action', success({ action: 'refund' }), '3/callback-fields'],
    ['a missing tid', success({ tid: '' }), '3/callback-fields'],
    ['no status', { scheme: 'interapp-callback', host: 'result', fields: { message: 'x' } }, '3/callback-fields'],
  ])('names the clause for %s', (_what, callback, clause) => {
    expect(clauses(callback as VivaCallback)).toEqual([clause]);
  });

  it('wants aadeTransactionId on success after AADE parameters, and checks its format whenever it comes', () => {
    expect(clauses(success(), true)).toEqual(['3/callback-aade']);
    expect(clauses(success({ aadeTransactionId: '116123456833121690882' }), true)).toEqual([]);
    expect(clauses(success({ aadeTransactionId: '116-1' }))).toEqual(['3/callback-aade']);
  });

  it("lets a failure echo the refused request's action and amount, but still judges its card number", () => {
    // Arrange
    const failure = (fields: Record<string, string>): VivaCallback => ({ scheme: 'interapp-callback', host: 'result', fields: { status: 'fail', message: 'refused', ...fields } });
    // Act
    const echoed = clauses(failure({ action: 'sale', amount: '6.00' }));
    const unmasked = clauses(failure({ accountNumber: '5374890000041831' }));
    // Assert
    expect(echoed).toEqual([]);
    expect(unmasked).toEqual(['3/callback-masking']);
  });

  it('never repeats a card number it found in clear', () => {
    const [problem] = callbackProblems(success({ accountNumber: '5374890000041831' }), expected);
    expect(problem!.message).not.toContain('5374890000041831');
    expect(problem!.message).toContain('16 digits');
  });
});
