import {
  AMOUNT_VALUE_PATTERN,
  CURRENCY_PATTERN,
  ENTRY_MODES,
  ENVELOPE_FORMAT,
  ENVELOPE_MODE,
  PAYMENT_STATUSES,
} from '../profile/pos';
import amountJson from './amount.schema.json';
import cancelResponseJson from './cancel-response.schema.json';
import chargeRequestJson from './charge-request.schema.json';
import chargeResponseJson from './charge-response.schema.json';
import refundResponseJson from './refund-response.schema.json';
import requestEnvelopeJson from './request-envelope.schema.json';
import { formatIssues, SCHEMA_NAMES, schemaDocument, validate, type SchemaIssue, type SchemaName } from './validator';

// ---------------------------------------------------------------------------------------------
// Fixtures: the seed examples (002 charge, 001 refund, 000 cancel). The seeds elide their
// ciphertexts ("A1B2C3..."), so the envelopes carry two made-up blocks of hex instead.
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const AMOUNT = { value: '1500', currency: 'EUR' };

const CHARGE_REQUEST = {
  card: { number: '4111111111111111', expiry_year: 2027, expiry_month: 12 },
  amount: { value: '1500', currency: 'EUR' },
  terminal: {
    id: 'TERM-001',
    type: 'pos',
    terminal_entry_mode: 'chip',
    attended: true,
    capabilities: ['chip', 'swipe', 'contactless'],
  },
  emv_data: '9F2608A1B2C3D4E5F6...',
  cardholder_verification_method: 'pin',
  pin_block: { block: '0412345678ABCDEF' },
  stan: '000123',
  authorization_type: 'final',
};

const CHARGE_RESPONSE = {
  charge_id: 'ch_abc123def456',
  status: 'approved',
  amount: { value: '1500', currency: 'EUR' },
  gateway_data: { authorization_code: 'A12345', rrn: '123456789012' },
};

const REFUND_REQUEST = {
  amount: { value: '1500', currency: 'EUR' },
  reason: 'customer_request',
  transaction_reference: 'REF-2025-001',
};

const REFUND_RESPONSE = { refund_id: 'rf_xyz789abc012', status: 'approved', amount: { value: '1500', currency: 'EUR' } };

const CANCEL_RESPONSE = { charge_id: 'ch_abc123def456', status: 'cancelled' };

const CIPHERTEXT = 'A1B2C3D4E5F60718293A4B5C6D7E8F90' + '0F1E2D3C4B5A69788796A5B4C3D2E1F0';

const REQUEST_ENVELOPE = {
  format: 'TR31-DATA',
  ciphertext: CIPHERTEXT,
  initialization_vector: '000102030405060708090A0B0C0D0E0F',
  mode: 'CBC',
};

const RESPONSE_ENVELOPE = {
  format: 'TR31-DATA',
  ciphertext: CIPHERTEXT,
  initialization_vector: '101112131415161718191A1B1C1D1E1F',
  mode: 'CBC',
  key_kcv: 'ABCD12',
};

const ERROR_400 = { error: { code: '4000', message: 'Invalid request body', trace_id: 'abc123...' } };

/** A deep copy of `base` with the member at `path` set to `value`, or removed when `value` is REMOVE. */
const REMOVE = Symbol('remove');
function changed(base: object, path: readonly string[], value: Json | typeof REMOVE): Json {
  const copy = structuredClone(base) as Json;
  let node = copy as { [key: string]: Json };
  for (const key of path.slice(0, -1)) node = node[key] as { [key: string]: Json };
  const last = path[path.length - 1] as string;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

/** The issues of an invalid value; fails the test if the value is valid. */
function issuesOf(name: SchemaName, value: unknown): SchemaIssue[] {
  const result = validate(name, value);
  if (result.ok) throw new Error(`expected ${name} to reject ${JSON.stringify(value)}`);
  return result.errors;
}

type Case = [label: string, path: string[], value: Json | typeof REMOVE, pointer: string, message: RegExp];

const REQUIRED = /^is required$/;

/** Runs a table of one-change cases against a valid base value. */
function rejects(name: SchemaName, base: object, cases: Case[]): void {
  it.each(cases)('rejects %s', (_label, path, value, pointer, message) => {
    // Arrange
    const input = changed(base, path, value);

    // Act
    const issues = issuesOf(name, input);

    // Assert
    expect(issues).toContainEqual({ path: pointer, message: expect.stringMatching(message) });
  });
}

// ---------------------------------------------------------------------------------------------

describe('schema documents', () => {
  it('every schema compiles under strict mode (compiled once, on first use)', () => {
    // Act / Assert: the first validate() compiles all of them with strict: true and throws on a violation
    for (const name of SCHEMA_NAMES) expect(() => validate(name, {})).not.toThrow();
  });

  it.each([...SCHEMA_NAMES])('%s has the $id, $schema and annotations of the convention', (name) => {
    // Act
    const doc = schemaDocument(name);

    // Assert
    expect(doc.$id).toBe(`urn:paycert:viopay-pos:${name}`);
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.title.length).toBeGreaterThan(0);
    expect(doc.description.length).toBeGreaterThan(0);
  });

  it('agrees with the constants of profile/pos.ts', () => {
    // Assert: the JSON files cannot import them, so this pins them together
    expect(amountJson.properties.value.pattern).toBe(AMOUNT_VALUE_PATTERN.source);
    expect(amountJson.properties.currency.pattern).toBe(CURRENCY_PATTERN.source);
    expect(chargeRequestJson.properties.terminal.properties.terminal_entry_mode.enum).toEqual([...ENTRY_MODES]);
    expect(chargeResponseJson.properties.status.enum).toEqual([...PAYMENT_STATUSES]);
    expect(refundResponseJson.properties.status.enum).toEqual([...PAYMENT_STATUSES]);
    expect(requestEnvelopeJson.properties.format.const).toBe(ENVELOPE_FORMAT);
    expect(requestEnvelopeJson.properties.mode.const).toBe(ENVELOPE_MODE);
    expect(cancelResponseJson.properties.status.const).toBe('cancelled');
  });

  it('schemaDocument returns a copy that callers cannot use to change the schema', () => {
    // Arrange
    const doc = schemaDocument('amount') as unknown as { required: string[] };

    // Act
    doc.required.push('extra');

    // Assert
    expect(schemaDocument('amount')).toMatchObject({ required: ['value', 'currency'] });
    expect(validate('amount', AMOUNT)).toEqual({ ok: true });
  });
});

describe('seed examples are valid', () => {
  it.each<[SchemaName, unknown]>([
    ['amount', AMOUNT],
    ['charge-request', CHARGE_REQUEST],
    ['charge-response', CHARGE_RESPONSE],
    ['refund-request', REFUND_REQUEST],
    ['refund-response', REFUND_RESPONSE],
    ['cancel-response', CANCEL_RESPONSE],
    ['request-envelope', REQUEST_ENVELOPE],
    ['response-envelope', RESPONSE_ENVELOPE],
    ['error', ERROR_400],
  ])('%s', (name, value) => {
    // Act
    const result = validate(name, value);

    // Assert
    expect(result).toEqual({ ok: true });
  });

  it('a charge with only the required fields is valid', () => {
    // Arrange
    const { card, amount, terminal } = CHARGE_REQUEST;

    // Act
    const result = validate('charge-request', { card, amount, terminal });

    // Assert
    expect(result).toEqual({ ok: true });
  });

  it.each(['swipe', 'contactless', 'manual'])('entry mode %s is valid', (mode) => {
    // Act
    const result = validate('charge-request', changed(CHARGE_REQUEST, ['terminal', 'terminal_entry_mode'], mode));

    // Assert
    expect(result).toEqual({ ok: true });
  });

  it.each(['declined', 'pending'])('charge and refund status %s is valid', (status) => {
    // Act
    const charge = validate('charge-response', changed(CHARGE_RESPONSE, ['status'], status));
    const refund = validate('refund-response', changed(REFUND_RESPONSE, ['status'], status));

    // Assert
    expect(charge).toEqual({ ok: true });
    expect(refund).toEqual({ ok: true });
  });

  it.each(['0', '1', '000123', '999999999999999'])('amount value %s passes the schema (SHOULD rules are elsewhere)', (v) => {
    // Act
    const result = validate('amount', { value: v, currency: 'EUR' });

    // Assert
    expect(result).toEqual({ ok: true });
  });

  it('a three-letter currency that is not ISO 4217 passes the schema (SHOULD rule, elsewhere)', () => {
    // Act
    const result = validate('amount', { value: '1500', currency: 'ABC' });

    // Assert
    expect(result).toEqual({ ok: true });
  });

  it('envelopes accept lower-case hex and the 5-byte KCV form', () => {
    // Arrange
    const lower = {
      ...RESPONSE_ENVELOPE,
      ciphertext: CIPHERTEXT.toLowerCase(),
      initialization_vector: RESPONSE_ENVELOPE.initialization_vector.toLowerCase(),
      key_kcv: '0a00e31eeb',
    };

    // Act
    const response = validate('response-envelope', lower);
    const request = validate('request-envelope', { ...REQUEST_ENVELOPE, ciphertext: CIPHERTEXT.toLowerCase() });
    const fiveByteUpper = validate('response-envelope', { ...RESPONSE_ENVELOPE, key_kcv: '0A00E31EEB' });

    // Assert
    expect(response).toEqual({ ok: true });
    expect(request).toEqual({ ok: true });
    expect(fiveByteUpper).toEqual({ ok: true });
  });

  it('the error schema accepts a 404 body with any 4-digit code', () => {
    // Arrange
    const notFound = { error: { code: '4040', message: 'Charge not found', trace_id: 't-1' } };

    // Act
    const result = validate('error', notFound);

    // Assert
    expect(result).toEqual({ ok: true });
  });
});

describe('extra properties are accepted (PROFILE 1.4)', () => {
  it.each<[SchemaName, unknown]>([
    ['charge-response', { ...CHARGE_RESPONSE, created_at: '2025-12-13T14:25:30Z', amount: { ...AMOUNT, exponent: 2 } }],
    ['charge-response', { ...CHARGE_RESPONSE, gateway_data: {} }],
    ['refund-response', { ...REFUND_RESPONSE, charge_id: 'ch_1', amount: { ...AMOUNT, note: 'x' } }],
    ['cancel-response', { ...CANCEL_RESPONSE, cancelled_at: '2025-12-13T14:25:30Z' }],
    ['response-envelope', { ...RESPONSE_ENVELOPE, version: 2 }],
    ['request-envelope', { ...REQUEST_ENVELOPE, key_kcv: 'ABCD12' }],
    ['error', { error: { ...ERROR_400.error, details: ['x'] }, status: 400 }],
    ['charge-request', { ...CHARGE_REQUEST, card: { ...CHARGE_REQUEST.card, cvv: '123' }, merchant_ref: 'm-1' }],
    ['refund-request', { ...REFUND_REQUEST, operator: 'op-7' }],
  ])('%s with extra members', (name, value) => {
    // Act
    const result = validate(name, value);

    // Assert
    expect(result).toEqual({ ok: true });
  });
});

describe('amount', () => {
  rejects('amount', AMOUNT, [
    ['missing value', ['value'], REMOVE, '/value', REQUIRED],
    ['missing currency', ['currency'], REMOVE, '/currency', REQUIRED],
    ['value "15.00"', ['value'], '15.00', '/value', /^must match pattern \^\[0-9\]\+\$$/],
    ['value "-1"', ['value'], '-1', '/value', /must match pattern/],
    ['value "1e3"', ['value'], '1e3', '/value', /must match pattern/],
    ['value ""', ['value'], '', '/value', /must match pattern/],
    ['value " 1500"', ['value'], ' 1500', '/value', /must match pattern/],
    ['value 1500 (a number)', ['value'], 1500, '/value', /^must be string \(got integer\)$/],
    ['currency "eur"', ['currency'], 'eur', '/currency', /^must match pattern \^\[A-Z\]\{3\}\$$/],
    ['currency "EURO"', ['currency'], 'EURO', '/currency', /must match pattern/],
    ['currency null', ['currency'], null, '/currency', /must be string/],
  ]);

  it('rejects a value that is not an object', () => {
    // Act
    const issues = issuesOf('amount', '1500 EUR');

    // Assert
    expect(issues).toEqual([{ path: '', message: 'must be object (got string)' }]);
  });
});

describe('charge-request', () => {
  rejects('charge-request', CHARGE_REQUEST, [
    ['missing card', ['card'], REMOVE, '/card', REQUIRED],
    ['missing amount', ['amount'], REMOVE, '/amount', REQUIRED],
    ['missing terminal', ['terminal'], REMOVE, '/terminal', REQUIRED],
    ['missing card.number', ['card', 'number'], REMOVE, '/card/number', REQUIRED],
    ['missing card.expiry_year', ['card', 'expiry_year'], REMOVE, '/card/expiry_year', REQUIRED],
    ['missing card.expiry_month', ['card', 'expiry_month'], REMOVE, '/card/expiry_month', REQUIRED],
    ['missing amount.value', ['amount', 'value'], REMOVE, '/amount/value', REQUIRED],
    ['missing amount.currency', ['amount', 'currency'], REMOVE, '/amount/currency', REQUIRED],
    ['missing terminal.id', ['terminal', 'id'], REMOVE, '/terminal/id', REQUIRED],
    ['missing terminal.type', ['terminal', 'type'], REMOVE, '/terminal/type', REQUIRED],
    ['missing terminal.terminal_entry_mode', ['terminal', 'terminal_entry_mode'], REMOVE, '/terminal/terminal_entry_mode', REQUIRED],
    ['missing terminal.attended', ['terminal', 'attended'], REMOVE, '/terminal/attended', REQUIRED],
    ['missing terminal.capabilities', ['terminal', 'capabilities'], REMOVE, '/terminal/capabilities', REQUIRED],
    ['card as a string', ['card'], '4111111111111111', '/card', /^must be object/],
    ['card.number as a number', ['card', 'number'], 4111111111111111, '/card/number', /^must be string/],
    ['card.expiry_month 13', ['card', 'expiry_month'], 13, '/card/expiry_month', /^must be <= 12$/],
    ['card.expiry_month 0', ['card', 'expiry_month'], 0, '/card/expiry_month', /^must be >= 1$/],
    ['card.expiry_month "12"', ['card', 'expiry_month'], '12', '/card/expiry_month', /^must be integer \(got string\)$/],
    ['card.expiry_month 6.5', ['card', 'expiry_month'], 6.5, '/card/expiry_month', /^must be integer \(got number\)$/],
    ['card.expiry_year 27', ['card', 'expiry_year'], 27, '/card/expiry_year', /^must be >= 1000$/],
    ['card.expiry_year 20270', ['card', 'expiry_year'], 20270, '/card/expiry_year', /^must be <= 9999$/],
    ['card.expiry_year "2027"', ['card', 'expiry_year'], '2027', '/card/expiry_year', /^must be integer/],
    ['amount.value "15.00"', ['amount', 'value'], '15.00', '/amount/value', /^must match pattern \^\[0-9\]\+\$$/],
    ['amount.value "-1"', ['amount', 'value'], '-1', '/amount/value', /must match pattern/],
    ['amount.value "1e3"', ['amount', 'value'], '1e3', '/amount/value', /must match pattern/],
    ['amount.value 1500 (a number)', ['amount', 'value'], 1500, '/amount/value', /^must be string/],
    ['amount.currency "eur"', ['amount', 'currency'], 'eur', '/amount/currency', /must match pattern/],
    ['terminal_entry_mode "nfc"', ['terminal', 'terminal_entry_mode'], 'nfc', '/terminal/terminal_entry_mode', /^must be one of "chip", "swipe", "contactless", "manual"$/],
    ['terminal_entry_mode "CHIP"', ['terminal', 'terminal_entry_mode'], 'CHIP', '/terminal/terminal_entry_mode', /^must be one of/],
    ['terminal.attended "true"', ['terminal', 'attended'], 'true', '/terminal/attended', /^must be boolean \(got string\)$/],
    ['terminal.attended 1', ['terminal', 'attended'], 1, '/terminal/attended', /^must be boolean/],
    ['terminal.capabilities as a string', ['terminal', 'capabilities'], 'chip', '/terminal/capabilities', /^must be array/],
    ['terminal.capabilities [1]', ['terminal', 'capabilities'], [1], '/terminal/capabilities/0', /^must be string/],
    ['terminal.id as a number', ['terminal', 'id'], 1, '/terminal/id', /^must be string/],
    ['track_2_data as a number', ['track_2_data'], 4111, '/track_2_data', /^must be string/],
    ['emv_data as an object', ['emv_data'], {}, '/emv_data', /^must be string/],
    ['pin_block as a string', ['pin_block'], '0412345678ABCDEF', '/pin_block', /^must be object/],
    ['pin_block.block as a number', ['pin_block', 'block'], 412345678, '/pin_block/block', /^must be string/],
    ['cardholder_verification_method as a boolean', ['cardholder_verification_method'], true, '/cardholder_verification_method', /^must be string/],
    ['stan as a number', ['stan'], 123, '/stan', /^must be string/],
    ['authorization_type null', ['authorization_type'], null, '/authorization_type', /^must be string \(got null\)$/],
    ['pos_sequence_number as a number', ['pos_sequence_number'], 7, '/pos_sequence_number', /^must be string/],
  ]);

  it('reports every issue at once (allErrors)', () => {
    // Arrange
    const input = {
      ...CHARGE_REQUEST,
      card: { number: '4111111111111111', expiry_year: 27, expiry_month: 13 },
      amount: { value: '15.00', currency: 'eur' },
    };

    // Act
    const paths = issuesOf('charge-request', input).map((issue) => issue.path);

    // Assert
    expect(paths).toEqual(
      expect.arrayContaining(['/card/expiry_year', '/card/expiry_month', '/amount/value', '/amount/currency']),
    );
  });

  it('rejects plain charge JSON given where an envelope is expected, and the reverse', () => {
    // Act
    const asEnvelope = issuesOf('request-envelope', CHARGE_REQUEST).map((issue) => issue.path);
    const asCharge = issuesOf('charge-request', REQUEST_ENVELOPE).map((issue) => issue.path);

    // Assert
    expect(asEnvelope).toEqual(expect.arrayContaining(['/format', '/mode', '/ciphertext', '/initialization_vector']));
    expect(asCharge).toEqual(expect.arrayContaining(['/card', '/amount', '/terminal']));
  });
});

describe('charge-response', () => {
  rejects('charge-response', CHARGE_RESPONSE, [
    ['missing charge_id', ['charge_id'], REMOVE, '/charge_id', REQUIRED],
    ['missing status', ['status'], REMOVE, '/status', REQUIRED],
    ['missing amount', ['amount'], REMOVE, '/amount', REQUIRED],
    ['missing gateway_data', ['gateway_data'], REMOVE, '/gateway_data', REQUIRED],
    ['empty charge_id', ['charge_id'], '', '/charge_id', /must NOT have fewer than 1 characters/],
    ['charge_id as a number', ['charge_id'], 42, '/charge_id', /^must be string/],
    ['status "refunded"', ['status'], 'refunded', '/status', /^must be one of "approved", "declined", "pending"$/],
    ['status "APPROVED"', ['status'], 'APPROVED', '/status', /^must be one of/],
    ['gateway_data null', ['gateway_data'], null, '/gateway_data', /^must be object \(got null\)$/],
    ['gateway_data as an array', ['gateway_data'], [], '/gateway_data', /^must be object \(got array\)$/],
    ['amount.value 1500 (a number)', ['amount', 'value'], 1500, '/amount/value', /^must be string/],
    ['amount.value "15.00"', ['amount', 'value'], '15.00', '/amount/value', /must match pattern/],
    ['amount.currency "eur"', ['amount', 'currency'], 'eur', '/amount/currency', /must match pattern/],
    ['missing amount.currency', ['amount', 'currency'], REMOVE, '/amount/currency', REQUIRED],
  ]);
});

describe('refund-request', () => {
  rejects('refund-request', REFUND_REQUEST, [
    ['missing amount', ['amount'], REMOVE, '/amount', REQUIRED],
    ['missing amount.value', ['amount', 'value'], REMOVE, '/amount/value', REQUIRED],
    ['amount.value "15.00"', ['amount', 'value'], '15.00', '/amount/value', /must match pattern/],
    ['amount.value "-1"', ['amount', 'value'], '-1', '/amount/value', /must match pattern/],
    ['amount.value 1500 (a number)', ['amount', 'value'], 1500, '/amount/value', /^must be string/],
    ['amount.currency "eur"', ['amount', 'currency'], 'eur', '/amount/currency', /must match pattern/],
    ['reason as a number', ['reason'], 1, '/reason', /^must be string/],
    ['transaction_reference null', ['transaction_reference'], null, '/transaction_reference', /^must be string/],
  ]);

  it('accepts an amount alone', () => {
    // Act
    const result = validate('refund-request', { amount: AMOUNT });

    // Assert
    expect(result).toEqual({ ok: true });
  });
});

describe('refund-response', () => {
  rejects('refund-response', REFUND_RESPONSE, [
    ['missing refund_id', ['refund_id'], REMOVE, '/refund_id', REQUIRED],
    ['missing status', ['status'], REMOVE, '/status', REQUIRED],
    ['missing amount', ['amount'], REMOVE, '/amount', REQUIRED],
    ['empty refund_id', ['refund_id'], '', '/refund_id', /must NOT have fewer than 1 characters/],
    ['status "refunded"', ['status'], 'refunded', '/status', /^must be one of "approved", "declined", "pending"$/],
    ['amount.value "1e3"', ['amount', 'value'], '1e3', '/amount/value', /must match pattern/],
  ]);
});

describe('cancel-response', () => {
  rejects('cancel-response', CANCEL_RESPONSE, [
    ['missing charge_id', ['charge_id'], REMOVE, '/charge_id', REQUIRED],
    ['missing status', ['status'], REMOVE, '/status', REQUIRED],
    ['charge_id as a number', ['charge_id'], 123, '/charge_id', /^must be string/],
    ['status "approved"', ['status'], 'approved', '/status', /^must equal "cancelled"$/],
    ['status "CANCELLED"', ['status'], 'CANCELLED', '/status', /^must equal "cancelled"$/],
    ['status "refunded"', ['status'], 'refunded', '/status', /^must equal "cancelled"$/],
  ]);
});

const envelopeCases: Case[] = [
  ['missing format', ['format'], REMOVE, '/format', REQUIRED],
  ['missing mode', ['mode'], REMOVE, '/mode', REQUIRED],
  ['missing ciphertext', ['ciphertext'], REMOVE, '/ciphertext', REQUIRED],
  ['missing initialization_vector', ['initialization_vector'], REMOVE, '/initialization_vector', REQUIRED],
  ['format "tr31-data"', ['format'], 'tr31-data', '/format', /^must equal "TR31-DATA"$/],
  ['format "TR31"', ['format'], 'TR31', '/format', /^must equal "TR31-DATA"$/],
  ['mode "cbc"', ['mode'], 'cbc', '/mode', /^must equal "CBC"$/],
  ['mode "ECB"', ['mode'], 'ECB', '/mode', /^must equal "CBC"$/],
  ['an IV of 30 hex digits', ['initialization_vector'], '000102030405060708090A0B0C0D0E', '/initialization_vector', /^must match pattern \^\[0-9A-Fa-f\]\{32\}\$$/],
  ['an IV of 34 hex digits', ['initialization_vector'], '000102030405060708090A0B0C0D0E0F10', '/initialization_vector', /must match pattern/],
  ['an IV with a non-hex digit', ['initialization_vector'], '000102030405060708090A0B0C0D0E0G', '/initialization_vector', /must match pattern/],
  ['a ciphertext of 31 hex digits', ['ciphertext'], CIPHERTEXT.slice(0, 31), '/ciphertext', /^must match pattern \^\(\?:\[0-9A-Fa-f\]\{32\}\)\+\$$/],
  ['a ciphertext of 48 hex digits', ['ciphertext'], CIPHERTEXT.slice(0, 48), '/ciphertext', /must match pattern/],
  ['an empty ciphertext', ['ciphertext'], '', '/ciphertext', /must match pattern/],
  ['a base64 ciphertext', ['ciphertext'], 'obLD1OX2BxgpOktcbX6PkA8eLTxLWml4h5altMPS4fA=', '/ciphertext', /must match pattern/],
  ['a ciphertext as a number', ['ciphertext'], 1234, '/ciphertext', /^must be string/],
];

describe('request-envelope', () => {
  rejects('request-envelope', REQUEST_ENVELOPE, envelopeCases);
});

describe('response-envelope', () => {
  rejects('response-envelope', RESPONSE_ENVELOPE, [
    ...envelopeCases,
    ['missing key_kcv', ['key_kcv'], REMOVE, '/key_kcv', REQUIRED],
    ['a key_kcv of 8 digits', ['key_kcv'], 'ABCD1234', '/key_kcv', /^must match pattern \^\(\?:\[0-9A-Fa-f\]\{6\}\|\[0-9A-Fa-f\]\{10\}\)\$$/],
    ['a key_kcv of 4 digits', ['key_kcv'], 'ABCD', '/key_kcv', /must match pattern/],
    ['a key_kcv with a non-hex digit', ['key_kcv'], 'ABCDXY', '/key_kcv', /must match pattern/],
    ['a key_kcv as a number', ['key_kcv'], 123456, '/key_kcv', /^must be string/],
  ]);
});

describe('error', () => {
  rejects('error', ERROR_400, [
    ['missing error', ['error'], REMOVE, '/error', REQUIRED],
    ['missing error.code', ['error', 'code'], REMOVE, '/error/code', REQUIRED],
    ['missing error.message', ['error', 'message'], REMOVE, '/error/message', REQUIRED],
    ['missing error.trace_id', ['error', 'trace_id'], REMOVE, '/error/trace_id', REQUIRED],
    ['code "404" (3 digits)', ['error', 'code'], '404', '/error/code', /^must match pattern \^\[0-9\]\{4\}\$$/],
    ['code "E400"', ['error', 'code'], 'E400', '/error/code', /must match pattern/],
    ['code 4000 (a number)', ['error', 'code'], 4000, '/error/code', /^must be string/],
    ['error as a string', ['error'], 'Invalid request body', '/error', /^must be object/],
  ]);

  it.each<[string, unknown]>([
    ['request', REQUEST_ENVELOPE],
    ['response', RESPONSE_ENVELOPE],
  ])('rejects a %s envelope', (_label, envelope) => {
    // Act
    const issues = issuesOf('error', envelope);

    // Assert
    expect(issues).toEqual([{ path: '/error', message: 'is required' }]);
  });

  it('no error body passes as an envelope', () => {
    // Act
    const issues = issuesOf('response-envelope', ERROR_400).map((issue) => issue.path);

    // Assert
    expect(issues).toEqual(expect.arrayContaining(['/format', '/mode', '/ciphertext', '/initialization_vector', '/key_kcv']));
  });
});

describe('formatIssues', () => {
  it('joins issues on one line with their pointers', () => {
    // Arrange
    const issues: SchemaIssue[] = [
      { path: '/amount/value', message: 'must match pattern ^[0-9]+$' },
      { path: '', message: 'must be object (got string)' },
    ];

    // Act
    const line = formatIssues(issues);

    // Assert
    expect(line).toBe('/amount/value: must match pattern ^[0-9]+$; (root): must be object (got string)');
  });

  it('formats real validation output', () => {
    // Arrange
    const issues = issuesOf('amount', { value: '15.00' });

    // Act
    const line = formatIssues(issues);

    // Assert
    expect(line).toContain('/currency: is required');
    expect(line).toContain('/value: must match pattern ^[0-9]+$');
    expect(line).not.toContain('\n');
  });

  it('is empty for no issues', () => {
    // Act / Assert
    expect(formatIssues([])).toBe('');
  });
});

