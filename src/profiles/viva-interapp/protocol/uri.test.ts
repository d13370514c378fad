import { firstValues, joinUri, splitUri } from './uri';

describe('splitUri', () => {
  it('reads "+" literally, as the seed means its +0300 offsets and base64', () => {
    // Arrange
    const text = 'vivapayclient://pay/v1?txnDateFrom=2021-03-29T00:00:00.000+0300&sig=ab+/cd==';
    // Act
    const result = splitUri(text);
    // Assert
    expect(result).toEqual({
      ok: true,
      uri: {
        scheme: 'vivapayclient', host: 'pay', path: '/v1',
        pairs: [
          { name: 'txnDateFrom', value: '2021-03-29T00:00:00.000+0300', index: 0 },
          { name: 'sig', value: 'ab+/cd==', index: 1 },
        ],
      },
    });
  });

  it('decodes %-escapes, so an encoded + is the same value', () => {
    const result = splitUri('vivapayclient://pay/v1?txnDateFrom=2021-03-29T00%3A00%3A00.000%2B0300');
    expect(result.ok && result.uri.pairs[0]!.value).toBe('2021-03-29T00:00:00.000+0300');
  });

  it('keeps repeated names, skips empty pairs and reads a name without "=" as empty', () => {
    const result = splitUri('vivapayclient://pay/v1?a=1&&a=2&flag');
    expect(result.ok && result.uri.pairs.map((p) => [p.name, p.value])).toEqual([['a', '1'], ['a', '2'], ['flag', '']]);
  });

  it('says which pair has a malformed escape, and refuses a text with no scheme', () => {
    expect(splitUri('vivapayclient://pay/v1?a=1&amount=%zz')).toEqual({ ok: false, problem: 'query parameter 2 ("amount") has a malformed %-escape' });
    expect(splitUri('pay/v1?action=cancel').ok).toBe(false);
  });
});

describe('joinUri', () => {
  it('builds a query that splitUri reads back, leaving the seed characters unescaped', () => {
    // Arrange
    const pairs = [['txnDateFrom', '2021-03-29T00:00:00.000+0300'], ['data', 'A;;B'], ['note', 'a b&c']] as const;
    // Act
    const uri = joinUri('vivapayclient://pay/v1', pairs);
    // Assert
    expect(uri).toBe('vivapayclient://pay/v1?txnDateFrom=2021-03-29T00:00:00.000+0300&data=A;;B&note=a%20b%26c');
    const back = splitUri(uri);
    expect(back.ok && back.uri.pairs.map((p) => [p.name, p.value])).toEqual(pairs.map((p) => [...p]));
  });
});

describe('firstValues', () => {
  it('keeps the first value of each name and lists the repeated ones, names like "constructor" included', () => {
    const result = splitUri('vivapayclient://pay/v1?constructor=1&__proto__=2&toString=3&a=4&a=5');
    const { fields, repeated } = firstValues(result.ok ? result.uri.pairs : []);
    expect({ ...fields }).toEqual({ constructor: '1', ['__proto__']: '2', toString: '3', a: '4' });
    expect(Object.keys(fields)).toEqual(['constructor', '__proto__', 'toString', 'a']);
    expect(repeated).toEqual(['a']);
  });
});
