/** Card-number helpers. A full PAN never leaves memory: anything printed goes through `maskPan`. */

/** The Luhn (mod 10) check over a string of digits; false for anything that is not digits. */
export function luhnValid(pan: string): boolean {
  if (!/^[0-9]{2,}$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let digit = pan.charCodeAt(pan.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * First 6 and last 4 digits, stars between (the masking PCI DSS allows for display).
 * Numbers too short to keep 10 digits back are starred whole.
 */
export function maskPan(pan: string): string {
  if (pan.length < 13) return '*'.repeat(pan.length);
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
