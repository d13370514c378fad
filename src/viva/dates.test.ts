import { formatIsoWithOffset, parseIsoWithOffset } from './dates';

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
