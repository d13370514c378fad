import { UserError, UserErrors } from '../core/errors';
import { parseTargetConfig } from './load-config';
import { secretsOf } from './resolved';

const MSK = '000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F';
const GOOD = `profile: viopay-pos
base_url: http://127.0.0.1:8080/
terminal_id: TERM-001
key_id: hmac-key-2025-01
hmac_secret: \${VIOPAY_HMAC_SECRET}
msk: ${MSK}
state_url: http://127.0.0.1:8080/_conformance/state
cards:
  pending: "4000000000000051"
`;

function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.oneLine());
    if (error instanceof UserError) return [error.oneLine()];
    throw error;
  }
  return [];
}

describe('parseTargetConfig', () => {
  it('resolves PROFILE section 4 with ${ENV} expansion and defaults', () => {
    const target = parseTargetConfig('t.yaml', GOOD, { VIOPAY_HMAC_SECRET: 's3cret' });
    expect(target).toMatchObject({
      profile: 'viopay-pos',
      baseUrl: 'http://127.0.0.1:8080',
      hmacSecret: 's3cret',
      kcvMethod: 'cmac',
      stateUrl: 'http://127.0.0.1:8080/_conformance/state',
      cards: { approved: '4111111111111111', declined: '4000000000000002', pending: '4000000000000051' },
    });
    expect(target.msk.toString('hex').toUpperCase()).toBe(MSK);
    expect(secretsOf(target)).toContain('s3cret');
  });

  it('names the unset environment variable at its line', () => {
    expect(messages(() => parseTargetConfig('t.yaml', GOOD, {}))).toEqual([
      't.yaml:5:14: environment variable VIOPAY_HMAC_SECRET is not set (export VIOPAY_HMAC_SECRET=...)',
    ]);
  });

  it('names a bad field, says the fix, and never echoes the value', () => {
    const text = GOOD.replace(MSK, 'ABCD');
    const [message] = messages(() => parseTargetConfig('t.yaml', text, { VIOPAY_HMAC_SECRET: 'x' }));
    expect(message).toBe('t.yaml:6:6: msk: must be 64 hex digits (the 32-byte AES-256 MSK)');
  });

  it('suggests the field meant for a misspelt one', () => {
    const text = GOOD.replace('kcv_method', 'x').replace('state_url', 'stat_url');
    expect(messages(() => parseTargetConfig('t.yaml', text, { VIOPAY_HMAC_SECRET: 'x' }))).toEqual([
      't.yaml:7:1: stat_url: unknown field "stat_url" (did you mean "state_url"?)',
    ]);
  });

  it('lists every missing required field of viopay-pos', () => {
    const found = messages(() => parseTargetConfig('t.yaml', 'profile: viopay-pos\nbase_url: http://x\n', {}));
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('"msk" is required'), expect.stringContaining('"hmac_secret" is required')]));
  });

  it('refuses an unknown profile and a YAML syntax error with positions', () => {
    expect(messages(() => parseTargetConfig('t.yaml', 'profile: pos\nbase_url: http://x\n', {}))[0]).toMatch(/^t\.yaml:1:10: profile: must be one of "viopay-pos", "vpws", "viva-interapp"/);
    expect(messages(() => parseTargetConfig('t.yaml', 'profile: [\n', {}))[0]).toMatch(/^t\.yaml:\d+:\d+: invalid YAML/);
  });
});
