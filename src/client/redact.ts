/**
 * What may leave memory. Card numbers are shown as first 6 + last 4; PIN blocks, track 2 and
 * EMV data are replaced whole. Applied to every plaintext and body text an exchange keeps.
 */
import { luhnValid, maskPan } from '../profile/pan';

const MASKED = '[redacted]';
/** Fields whose whole value is sensitive wherever they appear. */
const WHOLLY_SECRET = new Set(['block', 'pin_block', 'track_2_data', 'emv_data', 'hmac_secret', 'msk']);
const PAN_RUN = /\d{13,19}/g;
/** Fields that hold a card number in the bodies of the APIs paycert knows (`accountNumber` is a callback's): masked whatever their check digit. */
const CARD_NUMBER_KEYS = new Set(['number', 'pan', 'accountNumber']);

/** Masks every Luhn-valid 13 to 19 digit run in free text. */
export function redactText(text: string): string {
  return text.replace(PAN_RUN, (run) => (luhnValid(run) ? maskPan(run) : run));
}

/** A deep copy of a JSON value with card data masked. */
export function redactValue(value: unknown, key = ''): unknown {
  if (WHOLLY_SECRET.has(key) && value !== null && value !== undefined) return typeof value === 'object' ? MASKED : MASKED;
  if (typeof value === 'string') return CARD_NUMBER_KEYS.has(key) ? maskPan(value) : redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactValue(v, k)]));
  }
  return value;
}

/** Body text for a report: JSON bodies are masked field by field, anything else by digit runs. */
export function redactBody(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    return JSON.stringify(redactValue(JSON.parse(text)));
  } catch {
    return redactText(text);
  }
}
