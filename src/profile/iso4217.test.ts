import { ISO_4217_CODES, ISO_4217_SPECIAL_CODES, isIso4217 } from './iso4217';
import { CURRENCY_PATTERN } from './pos';

describe('isIso4217', () => {
  it.each(['EUR', 'USD', 'TRY', 'JPY', 'GBP', 'XOF', 'ZWG', 'XCG'])('%s is an ISO 4217 currency', (code) => {
    // Act
    const result = isIso4217(code);

    // Assert
    expect(result).toBe(true);
  });

  it.each([
    ['ABC', 'three letters, not a code'],
    ['XYZ', 'unassigned X-code'],
    ['eur', 'lower case'],
    ['Eur', 'mixed case'],
    ['EURO', 'four letters'],
    ['', 'empty'],
    ['ZWL', 'replaced by ZWG in 2024'],
    ['HRK', 'Croatia uses the euro'],
  ])('%s is not (%s)', (code) => {
    // Act
    const result = isIso4217(code);

    // Assert
    expect(result).toBe(false);
  });

  it.each(['XTS', 'XXX', 'XAU', 'CHE', 'USN'])('special code %s is listed as marked, not as a currency', (code) => {
    // Act
    const result = isIso4217(code);

    // Assert
    expect(result).toBe(false);
    expect(ISO_4217_SPECIAL_CODES.has(code)).toBe(true);
  });
});

describe('ISO_4217_CODES', () => {
  it('holds only three upper-case letters, none of them also marked special', () => {
    // Arrange
    const codes = [...ISO_4217_CODES];

    // Act
    const malformed = codes.filter((code) => !CURRENCY_PATTERN.test(code));
    const overlapping = codes.filter((code) => ISO_4217_SPECIAL_CODES.has(code));

    // Assert
    expect(malformed).toEqual([]);
    expect(overlapping).toEqual([]);
    expect(codes.length).toBeGreaterThan(150);
  });
});
