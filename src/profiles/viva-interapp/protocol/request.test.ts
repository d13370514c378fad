import { buildRequestUri, parseRequestUri, redactUri, searchKeyOf } from './request';

describe('request URI', () => {
  it('builds a URI in the seed order that parses back to the same fields', () => {
    // Arrange
    const fields = { merchantKey: 'K', appId: 'com.example.app', action: 'cancel', amount: '600', shortOrderCode: '1091139195', txnDateFrom: '2021-03-29T00:00:00.000+0300', callback: 'interapp-callback' };
    // Act
    const uri = buildRequestUri(fields);
    const parsed = parseRequestUri(uri);
    // Assert
    expect(uri).toBe('vivapayclient://pay/v1?merchantKey=K&appId=com.example.app&action=cancel&amount=600&shortOrderCode=1091139195&txnDateFrom=2021-03-29T00:00:00.000+0300&callback=interapp-callback');
    expect(parsed.ok && parsed.request.fields).toEqual(fields);
  });

  it('keeps the first value of a repeated name and says it repeated', () => {
    const parsed = parseRequestUri('vivapayclient://pay/v1?amount=1&amount=2');
    expect(parsed.ok && [parsed.request.fields.amount, parsed.request.repeated]).toEqual(['1', ['amount']]);
  });
});

describe('searchKeyOf', () => {
  it.each([
    [{ shortOrderCode: 'S', orderCode: 'O', referenceNumber: 'R' }, { kind: 'shortOrderCode', value: 'S' }],
    [{ orderCode: 'O', referenceNumber: 'R' }, { kind: 'orderCode', value: 'O' }],
    [{ shortOrderCode: '', referenceNumber: 'R' }, { kind: 'referenceNumber', value: 'R' }],
    [{}, { kind: 'none' }],
  ])('takes shortOrderCode, then orderCode, then referenceNumber (%j)', (fields, expected) => {
    expect(searchKeyOf(fields)).toEqual(expected);
  });
});

describe('redactUri', () => {
  it('hides every merchantKey value and keeps the rest of the URI', () => {
    expect(redactUri('vivapayclient://pay/v1?merchantKey=SG23&appId=a&x=merchantKey=no&merchantKey=again#f')).toBe(
      'vivapayclient://pay/v1?merchantKey=[redacted]&appId=a&x=merchantKey=no&merchantKey=[redacted]#f',
    );
  });
});
