import { formatRfc3339Millis, formatRfc3339Offset, formatRfc3339Seconds, parseRfc3339 } from './rfc3339';

describe('parseRfc3339', () => {
  it.each([
    ['2025-12-13T14:25:30Z', Date.UTC(2025, 11, 13, 14, 25, 30)],
    ['2025-12-13t14:25:30z', Date.UTC(2025, 11, 13, 14, 25, 30)],
    ['2025-12-13T14:25:30.123Z', Date.UTC(2025, 11, 13, 14, 25, 30, 123)],
    ['2025-12-13T14:25:30.123456789Z', Date.UTC(2025, 11, 13, 14, 25, 30, 123)],
    ['2025-12-13T16:25:30+02:00', Date.UTC(2025, 11, 13, 14, 25, 30)],
    ['2025-12-13T12:25:30.5-02:00', Date.UTC(2025, 11, 13, 14, 25, 30, 500)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseRfc3339(text)).toBe(expected);
  });

  it.each([
    '2025-12-13 14:25:30Z',
    '2025-12-13T14:25:30',
    '2025-12-13T14:25Z',
    '2025-13-13T14:25:30Z',
    '2025-02-29T00:00:00Z',
    '2025-12-13T24:00:00Z',
    '2025-12-13T14:25:30+0200',
    '2025-12-13T14:25:30.Z',
    '1765635930',
    '',
  ])('refuses %s', (text) => {
    expect(parseRfc3339(text)).toBeNull();
  });
});

describe('formatRfc3339Seconds', () => {
  it('writes whole seconds with Z', () => {
    expect(formatRfc3339Seconds(Date.UTC(2025, 11, 13, 14, 25, 30, 999))).toBe('2025-12-13T14:25:30Z');
  });
});

describe('other RFC 3339 forms of one instant', () => {
  const at = Date.UTC(2025, 11, 13, 14, 25, 30, 250);
  it('fractional seconds read back to the same millisecond', () => {
    expect(formatRfc3339Millis(at)).toBe('2025-12-13T14:25:30.250Z');
    expect(parseRfc3339(formatRfc3339Millis(at))).toBe(at);
  });
  it('a numeric offset reads back to the same second', () => {
    expect(formatRfc3339Offset(at)).toBe('2025-12-13T16:25:30+02:00');
    expect(parseRfc3339(formatRfc3339Offset(at))).toBe(at - 250);
  });
});
