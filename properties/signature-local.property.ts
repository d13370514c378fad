/**
 * Local properties of the signature (PROFILE 1.2), on the harness's own crypto: signing and
 * verifying agree for any request, and changing any single signed component breaks it.
 */
import fc from 'fast-check';
import type { CanonicalParts } from '../src/crypto/canonical';
import { sign, verifySignature } from '../src/crypto/signature';
import type { PropertyDefinition } from '../src/property/types';
import { lazy } from './support';
import { registerWhenRunByJest } from '../src/property/jest-entry';

/**
 * Any code point, lone surrogates included (what fast-check's `unit: 'binary'` draws). Built as a
 * mapped integer: fast-check's own binary unit spends about 2 s building a reverse map of every
 * code point the first time it is made, which was a third of a whole `paycert run`.
 */
const anyCodePoint = lazy(() => fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)));

/** Any text, newlines and unicode included; bodies up to 64 KiB. */
const text = lazy(() => fc.string({ unit: anyCodePoint(), maxLength: 64 }));
const body = lazy(() =>
  fc.oneof(
  fc.constant(''),
  fc.string({ unit: anyCodePoint(), maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.integer({ min: 1, max: 64 * 1024 }).map((n) => Buffer.alloc(n, 0x41)),
  ),
);

export const parts = lazy((): fc.Arbitrary<CanonicalParts> => fc.record({
  method: fc.constantFrom('POST', 'GET', 'PUT'),
  path: text(),
  query: text(),
  body: body(),
  terminalId: text(),
  timestamp: text(),
  nonce: text(),
}));

const secret = lazy(() => fc.string({ minLength: 1, maxLength: 64 }));

function verifies(header: string, p: CanonicalParts, key: string): boolean {
  try {
    verifySignature(header, p, key);
    return true;
  } catch {
    return false;
  }
}

export const signVerify: PropertyDefinition<{ parts: CanonicalParts; secret: string }> = {
  id: 'prop.signature.local.sign-verify',
  title: 'The harness signs and verifies alike for any method, path, query, body, terminal id, timestamp and nonce',
  level: 'MUST',
  clause: '1.2/signature',
  tags: ['signature'],
  kind: 'local',
  runs: 200,
  arbitrary: () => fc.record({ parts: parts(), secret: secret() }),
  check: async ({ parts: p, secret: key }) =>
    verifies(sign(p, key), p, key) ? null : { message: 'a signature the harness made does not verify', actual: p },
};

type Change = { component: keyof CanonicalParts | 'key'; to: string | Buffer };

const change = lazy((): fc.Arbitrary<Change> => fc.oneof(
  fc.record({ component: fc.constantFrom<keyof CanonicalParts>('method', 'path', 'query', 'terminalId', 'timestamp', 'nonce'), to: text() }),
  fc.record({ component: fc.constant('body' as const), to: body() }),
  fc.record({ component: fc.constant('key' as const), to: secret() }),
));

export const singleChange: PropertyDefinition<{ parts: CanonicalParts; secret: string; change: Change }> = {
  id: 'prop.signature.local.single-change-breaks',
  title: 'Changing any single signed component (a body byte, path, query, terminal id, timestamp, nonce or the key) breaks verification',
  level: 'MUST',
  clause: '1.2/signature-coverage',
  tags: ['signature'],
  kind: 'local',
  runs: 200,
  arbitrary: () =>
    fc
      .record({ parts: parts(), secret: secret(), change: change() })
      // A "change" to the same value is no change.
      .filter(({ parts: p, secret: key, change: c }) =>
        c.component === 'key' ? c.to !== key : !Buffer.from(p[c.component]).equals(Buffer.from(c.to)),
      ),
  check: async ({ parts: p, secret: key, change: c }) => {
    const header = sign(p, key);
    const changed = c.component === 'key' ? p : { ...p, [c.component]: c.to };
    const changedKey = c.component === 'key' ? String(c.to) : key;
    return verifies(header, changed, changedKey) ? { message: `the signature still verifies after ${c.component} changed`, actual: c } : null;
  },
};

const properties = [signVerify, singleChange];
export default properties;

registerWhenRunByJest(__filename, properties as never);
