import { formatIsoWithOffset, isIsoDateTime, isoStepMs, parseIsoWithOffset, shiftIsoDate } from './dates';

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

describe('shiftIsoDate', () => {
  it.each([
    ['the same date, unchanged', '2021-03-29T00:00:00.000+0300', 0, undefined, '2021-03-29T00:00:00.000+0300'],
    ['one millisecond later', '2021-03-29T00:00:00.000+0300', 1, undefined, '2021-03-29T00:00:00.001+0300'],
    ['one millisecond earlier, across midnight', '2021-03-29T00:00:00.000+0300', -1, undefined, '2021-03-28T23:59:59.999+0300'],
    ['a date without fraction moved by 1 ms', '2021-03-29T00:00:00Z', 1, undefined, '2021-03-29T00:00:00.001Z'],
    ['a date without seconds, written as the seed does', '2021-03-29T10:30-0130', 0, undefined, '2021-03-29T10:30:00.000-0130'],
    ['microseconds kept when moved', '2021-03-29T00:00:00.123456+03:00', -1, undefined, '2021-03-29T00:00:00.122456+03:00'],
    ['nanoseconds kept at another offset', '2021-03-29T00:00:00.123456789+0300', 0, 'Z', '2021-03-28T21:00:00.123456789Z'],
    ['the same instant 13 hours west', '2021-03-29T00:00:00.000+0300', 0, '-1000', '2021-03-28T11:00:00.000-1000'],
    ['the same instant far east, extended form', '2021-03-29T00:00:00.000+0300', 0, '+14:00', '2021-03-29T11:00:00.000+14:00'],
    ['a day earlier', '2021-03-01T12:00:00.000Z', -86_400_000, '+0000', '2021-02-28T12:00:00.000+0000'],
  ])('%s', (_, text, plusMs, offset, expected) => {
    // Act
    const shifted = shiftIsoDate(text, plusMs, offset);
    // Assert
    expect(shifted).toBe(expected);
    expect(parseIsoWithOffset(shifted!)! - parseIsoWithOffset(text)!).toBe(plusMs);
  });

  it.each([
    ['a date without offset', '2021-03-29T00:00:00.000', undefined],
    ['no such day', '2021-02-30T00:00:00Z', undefined],
    ['an offset that is not one', '2021-03-29T00:00:00Z', '+3'],
    ['an offset hour out of range', '2021-03-29T00:00:00Z', '+2500'],
  ])('is undefined for %s', (_, text, offset) => {
    expect(shiftIsoDate(text, 0, offset)).toBeUndefined();
  });
});

describe('isoStepMs', () => {
  it.each([
    ['2021-03-29T00:00:00.000+0300', 1],
    ['2021-03-29T00:00:00.123456-05:00', 1],
    ['2021-03-29T00:00:00Z', 1000],
    ['2021-03-29T00:00Z', 1000],
    ['2021-03-29T00:00:00', undefined],
  ])('%s moves by %s ms', (text, step) => {
    expect(isoStepMs(text)).toBe(step);
  });
});
