import { parseBook } from './book';

const BOOK = `terminal: { tid: "16016684" }
transactions:
  - orderCode: "1091159196000136"
    shortOrderCode: "1091159196"
    stan: "833121"
    date: "2021-03-30T10:00:00.000+0300"
    amount: 1200
    card: { type: Debit Mastercard, number: "5374890000041831" }
`;

describe('parseBook', () => {
  it('reads a book and fills the defaults', () => {
    const book = parseBook('book.yaml', BOOK);
    expect(book.terminal).toEqual({ tid: '16016684', acquirerCode: '116', offset: '+0300' });
    expect(book.transactions[0]).toMatchObject({ type: 'sale', tid: '16016684', rrn: '000000833121', authCode: '833121', amount: 1200 });
  });

  it('names the file and line of a bad field', () => {
    let oneLine = '';
    try {
      parseBook('book.yaml', BOOK.replace('amount: 1200', 'amount: "12.00"'));
    } catch (error) {
      oneLine = (error as { oneLine(): string }).oneLine();
    }
    expect(oneLine).toBe('book.yaml:7:13: transactions[0].amount: must be integer');
    expect(() => parseBook('book.yaml', BOOK.replace('+0300"', '"'))).toThrow(/transactions\[0\]\.date .* is not ISO 8601 with an offset/);
  });

  it('refuses an order code given twice', () => {
    const twice = `${BOOK}${BOOK.split('transactions:\n')[1]}`;
    expect(() => parseBook('book.yaml', twice)).toThrow(/in the book twice/);
  });
});
