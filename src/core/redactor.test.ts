import fc from 'fast-check';
import { Redactor, REDACTED } from './redactor';

const SECRET = 'lab-hmac-secret-Zq7/+x';
const TOKEN = 'dealer-token-0123456789';
const MSK = Buffer.from('8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677', 'hex');
const PAN = '4111111111111111';
const DECLINED_NOT_LUHN = '4000000000000009';

const redactor = new Redactor({ secrets: [SECRET, TOKEN, MSK.toString('hex')], secretBytes: [MSK], cards: [DECLINED_NOT_LUHN] });

/** Base64 of `text` placed after `pad` characters: the secret at every alignment inside a longer text. */
const base64Inside = (pad: number, text: string) => Buffer.from(`${'p'.repeat(pad)}${text}!tail`).toString('base64');

describe('Redactor', () => {
  it.each([
    ['as is', SECRET],
    ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
    ['lower hex', Buffer.from(SECRET).toString('hex')],
    ['upper hex', Buffer.from(SECRET).toString('hex').toUpperCase()],
    ['base64', Buffer.from(SECRET).toString('base64')],
    ['base64url', Buffer.from(SECRET).toString('base64url')],
    ['percent-encoded', encodeURIComponent(SECRET)],
    ['percent-encoded, lower-case escapes', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ['form-encoded', new URLSearchParams({ s: SECRET }).toString().slice(2)],
    ['percent-encoded twice (a URI inside a URI parameter)', encodeURIComponent(encodeURIComponent(SECRET))],
    ['percent-encoded by a URI builder that keeps / and +', SECRET.replace(/-/g, '%2D')],
    ['with every character percent-encoded', [...Buffer.from(SECRET)].map((b) => `%${b.toString(16)}`).join('')],
    ['JSON-escaped character by character', [...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
    ['MSK hex', MSK.toString('hex').toUpperCase()],
    ['MSK base64', MSK.toString('base64')],
    ['MSK base64url', MSK.toString('base64url')],
  ])('masks a secret given %s', (_form, shown) => {
    // Act
    const out = redactor.text(`before ${shown} after`);
    // Assert
    expect(out).toBe(`before ${REDACTED} after`);
  });

  it.each([0, 1, 2])('masks a secret inside a longer base64 text at alignment %i', (pad) => {
    // Arrange
    const encoded = base64Inside(pad, TOKEN);
    // Act
    const out = redactor.text(encoded);
    // Assert: what is left decodes to no more than a few bytes of the token
    expect(out).toContain(REDACTED);
    expect(Buffer.from(out.replace(REDACTED, ''), 'base64').toString('latin1')).not.toContain(TOKEN.slice(0, 6));
  });

  it('masks card numbers as first 6 + last 4 in text, URLs, and numbers', () => {
    // Act
    const text = redactor.text(`card ${PAN} at /charges/${PAN}?pan=${PAN}&x=1`);
    const value = redactor.value({ card: { number: Number(PAN) }, list: [Number(PAN)], other: 42 });
    // Assert
    expect(text).toBe('card 411111******1111 at /charges/411111******1111?pan=411111******1111&x=1');
    expect(value).toEqual({ card: { number: '411111******1111' }, list: ['411111******1111'], other: 42 });
  });

  it('masks a declared test card that fails the Luhn check, also glued to other digits', () => {
    expect(redactor.text(`card ${DECLINED_NOT_LUHN}`)).toBe('card 400000******0009');
    expect(redactor.text(`${DECLINED_NOT_LUHN}12345`)).not.toContain(DECLINED_NOT_LUHN);
  });

  it('leaves a hex text whose digit runs are longer than a card number (an IV) as it is', () => {
    const iv = 'FFEEDDCCBBAA99887766554433221100';
    expect(redactor.text(iv)).toBe(iv);
  });

  it('leaves ordinary digits, short runs and non-Luhn runs alone', () => {
    // Arrange: 1234567890123 fails the Luhn check
    const text = 'amount 1200, ts 1700000000, id 1234567890123';
    // Act / Assert
    expect(redactor.text(text)).toBe(text);
    expect(redactor.value({ amount: 1200, big: 1234567890123 })).toEqual({ amount: 1200, big: 1234567890123 });
  });

  it('masks a 16 to 19 digit number beyond 2^53, whose digits are no longer the ones sent', () => {
    expect(redactor.number(4111111111111111111)).toMatch(/^411111\*+\d{4}$/);
  });

  it('masks secrets in object keys and in deep arrays, and keeps the shape', () => {
    // Arrange
    const value = { headers: { [`x-${TOKEN}`]: [TOKEN, { deep: `Bearer ${TOKEN}` }] }, n: null, ok: true };
    // Act
    const out = redactor.value(value);
    // Assert
    expect(out).toEqual({ headers: { [`x-${REDACTED}`]: [REDACTED, { deep: `Bearer ${REDACTED}` }] }, n: null, ok: true });
    expect(JSON.stringify(value)).toContain(TOKEN); // the original is not changed
  });

  it('masks the password of a URL with credentials', () => {
    expect(redactor.text('http://user:hunter22@127.0.0.1:8080/pos')).toBe(`http://user:${REDACTED}@127.0.0.1:8080/pos`);
    expect(redactor.text('http://127.0.0.1:8080/x@y')).toBe('http://127.0.0.1:8080/x@y');
  });

  it('masks half a secret or card number at the end of a body the client cut short', () => {
    // Arrange
    const exchange = { response: { status: 200, body: `{"echo":"${TOKEN.slice(0, 12)}`, truncated: true }, request: { body: `x ${TOKEN.slice(0, 12)}` } };
    const card = { body: `{"pan":"${PAN.slice(0, 12)}`, truncated: true };
    // Act
    const out = redactor.value(exchange);
    // Assert
    expect(out.response.body).toBe(`{"echo":"${REDACTED}`);
    expect(out.request.body).toBe(`x ${TOKEN.slice(0, 12)}`); // not cut: a prefix is only a prefix
    expect(redactor.value(card).body).toBe('{"pan":"411111******');
  });

  it('redacts a large body made of one long run of letters and digits in linear time (a hex echo of 1 MiB)', () => {
    // Arrange: a pattern that rescans such a run from each character would not finish here
    const hex = `http://a:b@h ${Buffer.alloc(512 * 1024, 0xab).toString('hex')}1234567890 @ ${TOKEN}`;
    const digits = `${'7'.repeat(1024 * 1024)}x`;
    // Act
    const out = redactor.text(hex);
    const cut = redactor.value({ body: digits, truncated: true }).body;
    // Assert
    expect(out.endsWith(`@ ${REDACTED}`)).toBe(true);
    expect(out.startsWith(`http://a:${REDACTED}@h`)).toBe(true);
    expect(cut).toBe(digits);
  });

  it('returns the same copy for an object it has seen, and is idempotent', () => {
    // Arrange
    const failure = { message: `sent ${SECRET}` };
    const first = redactor.value({ failure });
    // Act
    const again = redactor.value({ other: 1, failure });
    // Assert
    expect(again.failure).toBe(first.failure);
    expect(redactor.value(first)).toBe(first);
    expect(redactor.text(redactor.text(`x ${PAN} ${SECRET}`))).toBe(`x 411111******1111 ${REDACTED}`);
  });

  it('masks a PEM key whole, JSON-escaped, and line by line', () => {
    // Arrange
    const pem = `-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg${'A'.repeat(16)}\nhRANCAAT${'B'.repeat(56)}\n-----END PRIVATE KEY-----\n`;
    const withPem = new Redactor({ secrets: [pem] });
    // Act / Assert
    expect(withPem.text(`key ${pem}`)).toBe(`key ${REDACTED}`);
    expect(withPem.text(JSON.stringify({ k: pem }))).toBe(`{"k":"${REDACTED}"}`);
    expect(withPem.text(pem.split('\n')[1]!)).toBe(REDACTED);
  });

  it('masks a text with no escape character exactly as the escaped-secrets pattern would', () => {
    // Arrange: texts of secrets (any case), their forms and other characters, no escape character
    // among them. A trailing " %" sends the same text through the escaped pattern; it can end no
    // secret's form, so the two must agree on everything before it.
    const plainToken = 'dealer-token-0123456789';
    const plainMsk = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const subject = new Redactor({ secrets: [plainToken, plainMsk.toString('hex')], secretBytes: [plainMsk] });
    const piece = fc.constantFrom(plainToken, plainToken.toUpperCase(), plainToken.slice(0, 9), plainMsk.toString('hex'), plainMsk.toString('base64url'), plainMsk.toString('hex').toUpperCase(), 'dealer-', '"', ' ', 'x', '0', '/');
    const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (t) => {
        // Act
        const plain = subject.text(t);
        const escaped = subject.text(`${t} %`);
        // Assert
        expect(escaped).toBe(`${plain} %`);
        expect(plain.toLowerCase()).not.toContain(plainToken.toLowerCase());
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('leaves forms too short to tell from text alone, and knows no secret when given none', () => {
    const tiny = new Redactor({ secrets: ['ab'] });
    expect(tiny.text('abc lab')).toBe('abc lab');
    expect(Redactor.cardsOnly.text(`${SECRET} ${PAN}`)).toBe(`${SECRET} 411111******1111`);
  });
});

describe('Redactor and hex', () => {
  it('leaves digit runs inside hex alone (a hash stays intact) but masks a declared card anywhere', () => {
    // Arrange
    const redactor = new Redactor({ cards: ['4000000000000002'] });
    const hash = `ab${'4111111111111111'}cd0123456789abcdef`;
    // Act / Assert
    expect(redactor.text(hash)).toBe(hash);
    expect(redactor.text('pan 4111111111111111 in text')).toBe('pan 411111******1111 in text');
    expect(redactor.text('ab4000000000000002cd')).toBe('ab400000******0002cd');
  });

  it('masks a card number next to a few letters: only a long hex text (32 characters or more) is taken for hex', () => {
    const redactor = new Redactor({});
    expect(redactor.text('card4111111111111111')).toBe('card411111******1111');
    expect(redactor.text('id=4111111111111111e')).toBe('id=411111******1111e');
    expect(redactor.text(`iv ${'ab'.repeat(8)}4111111111111111`)).toBe(`iv ${'ab'.repeat(8)}4111111111111111`);
  });
});
