import { buildCallbackUri, CALLBACK_FORMATS, parseCallbackUri } from './callback';

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
    expect(CALLBACK_FORMATS.accountNumber.test('5374891234561831')).toBe(false);
    expect(CALLBACK_FORMATS.aadeTransactionId.test('116123456833121690882')).toBe(true);
    expect(CALLBACK_FORMATS.aadeTransactionId.test('116-123456833121-690882')).toBe(false);
    expect(CALLBACK_FORMATS.transactionId.test('a78e045c-49c3-4743-9071-f1e0ed71810c')).toBe(true);
    expect(CALLBACK_FORMATS.amount.test('12.00')).toBe(false);
  });
});
