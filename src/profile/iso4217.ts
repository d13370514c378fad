/**
 * ISO 4217 alphabetic currency codes, for the SHOULD rule of PROFILE 1.5 ("`amount.currency`
 * SHOULD be an ISO 4217 code"). The MUST rule (three upper-case letters) is CURRENCY_PATTERN in
 * `pos.ts` and the amount schema; this list is the stricter, advisory one.
 *
 * Source: ISO 4217 List One ("current currency & funds"), as published by the maintenance
 * agency (SIX Financial Information, list-one.xml) on 2025-05-12, cross-checked against the
 * currency list of ICU 78 / CLDR 48 (`Intl.supportedValuesOf('currency')` in Node 20).
 * Compiled 2025.
 *
 * Changes of 2024-2025 reflected here (and codes therefore absent):
 * - ZWG (Zimbabwe Gold) replaced ZWL, which ceased to be recognised after 2024-08-31.
 * - XCG (Caribbean guilder) replaced ANG from 2025-03-31 (ANG withdrawn with the 2025 lists).
 * - SLL (replaced by SLE, Sierra Leone's redenomination), HRK (Croatia uses the euro since 2023)
 *   and CUC (Cuba) are no longer in List One. VED (digital bolívar) is listed beside VES.
 * - BGN is still listed: Bulgaria's change to the euro takes effect in 2026.
 * Review this list when ISO publishes an amendment.
 */

/**
 * Currencies proper: national and supranational currencies in circulation (including the
 * shared XAF, XOF, XPF, XCD and XCG). Fund codes and special X-codes are NOT here; see
 * {@link ISO_4217_SPECIAL_CODES}.
 */
export const ISO_4217_CODES: ReadonlySet<string> = new Set([
  'AED', 'AFN', 'ALL', 'AMD', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN',
  'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD',
  'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUP', 'CVE', 'CZK',
  'DJF', 'DKK', 'DOP', 'DZD',
  'EGP', 'ERN', 'ETB', 'EUR',
  'FJD', 'FKP',
  'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD',
  'HKD', 'HNL', 'HTG', 'HUF',
  'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK',
  'JMD', 'JOD', 'JPY',
  'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT',
  'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD',
  'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN',
  'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD',
  'OMR',
  'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG',
  'QAR',
  'RON', 'RSD', 'RUB', 'RWF',
  'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL',
  'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS',
  'UAH', 'UGX', 'USD', 'UYU', 'UZS',
  'VED', 'VES', 'VND', 'VUV',
  'WST',
  'XAF', 'XCD', 'XCG', 'XOF', 'XPF',
  'YER',
  'ZAR', 'ZMW', 'ZWG',
]);

/** What a code of List One that is not a currency proper stands for. */
export type Iso4217SpecialKind = 'fund' | 'precious-metal' | 'unit-of-account' | 'bond-market-unit' | 'testing' | 'no-currency';

/**
 * The rest of List One, marked: fund codes (currency-like units for special purposes) and the
 * X-codes that are not circulating currencies. They are valid ISO 4217 codes but not something
 * a POS charge is expected to be made in, so {@link isIso4217} does not accept them.
 */
export const ISO_4217_SPECIAL_CODES: ReadonlyMap<string, Iso4217SpecialKind> = new Map<string, Iso4217SpecialKind>([
  ['BOV', 'fund'], // Bolivia, Mvdol
  ['CHE', 'fund'], // Switzerland, WIR Euro
  ['CHW', 'fund'], // Switzerland, WIR Franc
  ['CLF', 'fund'], // Chile, Unidad de Fomento
  ['COU', 'fund'], // Colombia, Unidad de Valor Real
  ['MXV', 'fund'], // Mexico, Unidad de Inversion
  ['USN', 'fund'], // US Dollar (next day)
  ['UYI', 'fund'], // Uruguay, Peso en Unidades Indexadas
  ['UYW', 'fund'], // Uruguay, Unidad Previsional
  ['XAG', 'precious-metal'], // Silver
  ['XAU', 'precious-metal'], // Gold
  ['XPD', 'precious-metal'], // Palladium
  ['XPT', 'precious-metal'], // Platinum
  ['XAD', 'unit-of-account'], // Arab Accounting Dinar (Arab Monetary Fund), added 2025
  ['XDR', 'unit-of-account'], // SDR (IMF Special Drawing Right)
  ['XSU', 'unit-of-account'], // Sucre (ALBA)
  ['XUA', 'unit-of-account'], // ADB Unit of Account
  ['XBA', 'bond-market-unit'], // European Composite Unit (EURCO)
  ['XBB', 'bond-market-unit'], // European Monetary Unit (E.M.U.-6)
  ['XBC', 'bond-market-unit'], // European Unit of Account 9 (E.U.A.-9)
  ['XBD', 'bond-market-unit'], // European Unit of Account 17 (E.U.A.-17)
  ['XTS', 'testing'], // reserved for testing
  ['XXX', 'no-currency'], // transactions where no currency is involved
]);

/**
 * Whether `code` is an active ISO 4217 currency code ({@link ISO_4217_CODES}). Case-sensitive:
 * ISO codes are upper case, so `"eur"` is not one. Fund and special X-codes answer false.
 */
export function isIso4217(code: string): boolean {
  return ISO_4217_CODES.has(code);
}
