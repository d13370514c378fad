import { generateKeyPairSync, sign } from 'node:crypto';
import { VIVA_CLAUSES } from '../../clauses';
import { buildRequestUri } from '../request';
import { lintUri, urisOfLines } from './lint';
import { indexUriChecks, URI_CHECKS } from './registry';

/** The seed's two request samples, exactly as it prints them. */
const SEED_SAMPLE = 'vivapayclient://pay/v1?callback=interapp-callback&merchantKey=SG23323424EXS3&appId=com.vivawallet.InterAppDemo&action=cancel&amount=600&shortOrderCode=1091139195&txnDateFrom=2021-03-29T00:00:00.000+0300&show_receipt=false';
const SEED_AADE = `${SEED_SAMPLE}&aadeProviderId=999&aadeProviderSignatureData=AD33729F4ED749928AAFA00B90EE4EA91551BAC1;;20231204080313;1051;10000;2400;12400;POS_1&aadeProviderSignature=o0094r3Yk3KTqASLkW3evlDsnIg/ZAdUUf6UCXDtjqpI/dquzAT4WNX3yzS/GLciVNbT75H4pj8hLOV0EpHtzw==`;
const GOOD = { merchantKey: 'K', appId: 'com.example.app', action: 'cancel', callback: 'cb', protocol: 'int_default' };

const notPassed = (text: string, strict = false) =>
  lintUri('t', text, {}, strict).results.filter((r) => r.status === 'failed' || r.status === 'warning').map((r) => [r.id, r.status]);

describe('lintUri on the seed samples', () => {
  it.each([['the plain sample', SEED_SAMPLE], ['the AADE sample', SEED_AADE]])('passes %s with only the protocol SHOULD as a warning', (_, text) => {
    const result = lintUri('seed', text, {});
    expect(result.verdict).toBe('passed');
    expect(result.results.filter((r) => r.status === 'warning' || r.status === 'failed').map((r) => r.id)).toEqual(['viva.request.protocol']);
  });

  it('fails the sample under --strict, for the missing protocol', () => {
    expect(lintUri('seed', SEED_SAMPLE, {}, true).verdict).toBe('failed');
  });
});

describe('lintUri on broken URIs', () => {
  it('passes a complete request with no finding', () => {
    expect(notPassed(buildRequestUri(GOOD))).toEqual([]);
  });

  it.each([
    ['another scheme', 'vivaclient://pay/v1?merchantKey=K&appId=a&action=cancel&callback=cb&protocol=int_default', 'viva.request.uri'],
    ['another path', buildRequestUri(GOOD, 'vivapayclient://pay/v2'), 'viva.request.uri'],
    ['an empty merchantKey', buildRequestUri({ ...GOOD, merchantKey: '' }), 'viva.request.required'],
    ['no callback', buildRequestUri({ ...GOOD, callback: undefined }), 'viva.request.required'],
    ['action sale', buildRequestUri({ ...GOOD, action: 'sale' }), 'viva.request.action'],
    ['an amount in euros', buildRequestUri({ ...GOOD, amount: '6.00' }), 'viva.request.amount'],
    ['an empty amount', buildRequestUri({ ...GOOD, amount: '' }), 'viva.request.amount'],
    ['a date without offset', buildRequestUri({ ...GOOD, txnDateFrom: '2021-03-29T00:00:00' }), 'viva.request.date-format'],
    ['txnDateTo alone', buildRequestUri({ ...GOOD, txnDateTo: '2021-03-30T00:00:00.000+0300' }), 'viva.request.date-range'],
    ['show_receipt=1', buildRequestUri({ ...GOOD, show_receipt: '1' }), 'viva.request.flags'],
    ['AADE id alone', buildRequestUri({ ...GOOD, aadeProviderId: '999' }), 'viva.request.aade-complete'],
    ['signature data of 7 fields', buildRequestUri({ ...GOOD, aadeProviderId: '999', aadeProviderSignatureData: 'a;;c;d;e;f;g', aadeProviderSignature: 'AAAA' }), 'viva.request.aade-signature-data'],
    ['action twice (cancel, then sale)', `${buildRequestUri(GOOD)}&action=sale`, 'viva.request.unique-params'],
    ['amount twice', `${buildRequestUri({ ...GOOD, amount: '600' })}&amount=700`, 'viva.request.unique-params'],
    ['amount twice with the same value', `${buildRequestUri({ ...GOOD, amount: '600' })}&amount=600`, 'viva.request.unique-params'],
    ['a signature not base64', buildRequestUri({ ...GOOD, aadeProviderId: '999', aadeProviderSignatureData: 'a;;c;d;e;f;g;h', aadeProviderSignature: 'not base64!' }), 'viva.request.aade-signature-base64'],
  ])('fails %s with exactly its check', (_, text, id) => {
    expect(notPassed(text)).toEqual([[id, 'failed']]);
  });

  it('names each repeated parameter and how often it appears, never a repeated merchantKey\'s values', () => {
    // Arrange
    const text = `action=sale&merchantKey=SECRET-2&${buildRequestUri({ ...GOOD, merchantKey: 'SECRET-1' }).split('?')[1]}&action=refund`;
    // Act
    const result = lintUri('t', `vivapayclient://pay/v1?${text}`, {});
    // Assert
    const found = result.results.find((r) => r.id === 'viva.request.unique-params')!;
    expect(found).toMatchObject({ status: 'failed', level: 'MUST', ref: { clause: '3/request-unique-params' } });
    expect(found.messages).toEqual([expect.stringMatching(/^action appears 3 times/), expect.stringMatching(/^merchantKey appears 2 times/)]);
    expect(found.messages.join(' ')).not.toMatch(/SECRET/);
  });

  it('warns (SHOULD) on a STAN that is not 6 digits and on another protocol', () => {
    expect(notPassed(buildRequestUri({ ...GOOD, referenceNumber: '8331', protocol: 'int_v2' }))).toEqual([
      ['viva.request.protocol', 'warning'],
      ['viva.request.reference-number', 'warning'],
    ]);
  });

  it('reads a form-decoded "+0300" (a space) as a broken date, not as the seed means it', () => {
    const text = buildRequestUri({ ...GOOD, txnDateFrom: '2021-03-29T00:00:00.000 0300' });
    expect(notPassed(text)).toEqual([['viva.request.date-format', 'failed']]);
  });

  it('fails a text that is not a URI on viva.request.uri and skips the rest', () => {
    const result = lintUri('t', 'cancel 600 please', {});
    expect(result.verdict).toBe('failed');
    expect(result.results.find((r) => r.id === 'viva.request.uri')?.status).toBe('failed');
    expect(result.results.filter((r) => r.status === 'skipped')).toHaveLength(URI_CHECKS.length - 1);
  });
});

describe('AADE signature with the provider key', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const data = 'AD33729F4ED749928AAFA00B90EE4EA91551BAC1;;20231204080313;1051;10000;2400;12400;POS_1';
  const signature = sign('sha256', Buffer.from(data), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
  const uri = (signedData: string) => buildRequestUri({ ...GOOD, aadeProviderId: '999', aadeProviderSignatureData: signedData, aadeProviderSignature: signature });

  it('passes a signature that verifies and fails one over other data', () => {
    expect(lintUri('t', uri(data), { aadeKey: publicKey }).verdict).toBe('passed');
    const tampered = lintUri('t', uri(data.replace('1051', '9999')), { aadeKey: publicKey });
    expect(tampered.results.filter((r) => r.status === 'failed').map((r) => r.id)).toEqual(['viva.request.aade-signature-valid']);
  });

  it('skips verification, with the reason, when no key is given', () => {
    const result = lintUri('t', uri(data), {});
    expect(result.results.find((r) => r.id === 'viva.request.aade-signature-valid')).toMatchObject({ status: 'skipped', messages: [expect.stringMatching(/--aade-public-key/)] });
  });
});

describe('the URI checks registry', () => {
  it('throws on a duplicate id', () => {
    expect(() => indexUriChecks([URI_CHECKS[0]!, URI_CHECKS[0]!])).toThrow(/duplicate URI check id "viva.request.uri"/);
  });

  it('cites section 3 clauses only, and covers every request clause of PROFILE 3', () => {
    const requestClauses = VIVA_CLAUSES.filter((c) => c.id.startsWith('3/request-')).map((c) => c.id);
    const cited = new Set(URI_CHECKS.map((c) => c.clause));
    expect([...cited].filter((id) => !requestClauses.includes(id))).toEqual([]);
    expect(requestClauses.filter((id) => !cited.has(id))).toEqual([]);
  });

  it('gives each check the level of its clause', () => {
    for (const check of URI_CHECKS) expect([check.id, check.level]).toEqual([check.id, VIVA_CLAUSES.find((c) => c.id === check.clause)!.level]);
  });
});

describe('urisOfLines', () => {
  it('takes one URI a line, from vivapayclient:// on, skipping blanks and comments', () => {
    const log = `# captured\n2026-11-21 10:00:01 INFO open ${SEED_SAMPLE}\n\n${SEED_AADE}\nnot a uri\n`;
    expect(urisOfLines(log, 'app.log')).toEqual([
      { source: 'app.log:2', text: SEED_SAMPLE },
      { source: 'app.log:4', text: SEED_AADE },
      { source: 'app.log:5', text: 'not a uri' },
    ]);
  });
});
