/** Valid plaintexts to start from; checks change one field to make an invalid one. */
import { DEFAULT_CARDS } from '../profile/pos';

export interface ChargeFixture {
  pan?: string;
  value?: string;
  currency?: string;
  terminalId?: string;
  expiry?: { year: number; month: number };
}

/** A charge like the seed's example, with an expiry a few years ahead of `now`. */
export function sampleCharge(fixture: ChargeFixture = {}, nowMs = Date.now()): Record<string, unknown> {
  const year = new Date(nowMs).getUTCFullYear() + 3;
  return {
    card: {
      number: fixture.pan ?? DEFAULT_CARDS.approved,
      expiry_year: fixture.expiry?.year ?? year,
      expiry_month: fixture.expiry?.month ?? 12,
    },
    amount: { value: fixture.value ?? '1500', currency: fixture.currency ?? 'EUR' },
    terminal: {
      id: fixture.terminalId ?? 'TERM-001',
      type: 'pos',
      terminal_entry_mode: 'chip',
      attended: true,
      capabilities: ['chip', 'swipe', 'contactless'],
    },
    cardholder_verification_method: 'pin',
    pin_block: { block: '0412345678ABCDEF' },
    stan: '000123',
    authorization_type: 'final',
  };
}

export function sampleRefund(value = '1500', currency = 'EUR'): Record<string, unknown> {
  return { amount: { value, currency }, reason: 'customer_request', transaction_reference: 'REF-2025-001' };
}
