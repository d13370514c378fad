import { formatIsoWithOffset, isIsoDateTime, parseIsoWithOffset } from './dates';

describe('parseIsoWithOffset', () => {
  it.each([
    ['2021-03-29T00:00:00.000+0300', Date.UTC(2021, 2, 28, 21)],
    ['2021-03-29T00:00:00+03:00', Date.UTC(2021, 2, 28, 21)],
    ['2021-03-29T00:00:00Z', Date.UTC(2021, 2, 29)],
    ['2021-03-29T10:30-0130', Date.UTC(2021, 2, 29, 12)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoWithOffset(text)).toBe(expected);
  });

  it.each([
    '2021-03-29T00:00:00.000', // no offset
    '2021-03-29', // a date alone
    '2021-03-29T00:00:00.000 0300', // "+" read as a form-encoded space
    '2021-02-30T00:00:00Z', // no such day
    '2021-03-29T24:00:00Z',
    '29/03/2021',
  ])('refuses %s', (text) => {
    expect(parseIsoWithOffset(text)).toBeUndefined();
  });
});

describe('formatIsoWithOffset', () => {
  it('writes the seed form and reads back to the same instant', () => {
    const instant = Date.UTC(2021, 2, 29, 21, 5, 7, 123);
    const text = formatIsoWithOffset(instant, 180);
    expect(text).toBe('2021-03-30T00:05:07.123+0300');
    expect(parseIsoWithOffset(text)).toBe(instant);
  });
});

describe('isIsoDateTime', () => {
  it.each(['2021-03-30T00:00:00.000+0300', '2021-03-30T00:00:00.000', '2021-03-30T00:00Z', '2021-03-30T23:59:59,5-01:30'])('takes %s (offset optional)', (text) => {
    expect(isIsoDateTime(text)).toBe(true);
  });

  it.each(['2021-03-30', '2021-02-30T00:00:00', '2021-03-30T00:00:00+2500', '30/03/2021 00:00', '2021-03-30T00:00:00.000 0300'])('refuses %s', (text) => {
    expect(isIsoDateTime(text)).toBe(false);
  });
});
