/**
 * Local properties of the envelope (PROFILE 1.3), on the harness's own crypto: seal and open are
 * inverse for any JSON and any bytes, and any truncation or bit flip of the ciphertext or IV is a
 * typed EnvelopeError or a different plaintext, never an exception of another kind.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { open, openBytes, seal, sealBytes, type Envelope } from '../src/crypto/envelope';
import { EnvelopeError } from '../src/crypto/envelope-errors';
import type { PropertyDefinition } from '../src/property/types';
import { registerWhenRunByJest } from '../src/property/jest-entry';

const MSK = Buffer.from('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', 'hex');
const iv = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b));
/** Any length, with the block multiples (0, 16, 32, 48) drawn often: they are where padding adds a whole block. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 100 }),
  fc.integer({ min: 0, max: 3 }).chain((blocks) => fc.uint8Array({ minLength: blocks * 16, maxLength: blocks * 16 })),
).map((b) => Buffer.from(b));

export const roundTripJson: PropertyDefinition<{ value: unknown; iv: Buffer }> = {
  id: 'prop.envelope.local.round-trip-json',
  title: 'open(seal(x)) = x for any JSON value',
  level: 'MUST',
  clause: '1.3/response-envelope',
  tags: ['envelope'],
  kind: 'local',
  runs: 200,
  arbitrary: () => fc.record({ value: fc.jsonValue(), iv }),
  check: async ({ value, iv: v }) => {
    // JSON itself does not keep -0; compare with what JSON can carry.
    const expected = JSON.parse(JSON.stringify(value)) as unknown;
    const opened = open(seal(value, MSK, { iv: v }), MSK);
    return isDeepStrictEqual(opened, expected) ? null : { message: 'open(seal(x)) differs from x', expected, actual: opened };
  },
};

export const roundTripBytes: PropertyDefinition<{ value: Buffer; iv: Buffer }> = {
  id: 'prop.envelope.local.round-trip-bytes',
  title: 'openBytes(sealBytes(b)) = b for any byte string, empty and block multiples included',
  level: 'MUST',
  clause: '1.3/response-envelope',
  tags: ['envelope'],
  kind: 'local',
  runs: 200,
  arbitrary: () => fc.record({ value: bytes, iv }),
  check: async ({ value, iv: v }) => {
    const opened = openBytes(sealBytes(value, MSK, { iv: v }), MSK);
    return opened.equals(value) ? null : { message: 'openBytes(sealBytes(b)) differs from b', expected: value.toString('hex'), actual: opened.toString('hex') };
  },
};

type Damage = { field: 'ciphertext' | 'initialization_vector'; kind: 'truncate'; digits: number } | { field: 'ciphertext' | 'initialization_vector'; kind: 'flip'; at: number; bit: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ field: fc.constantFrom('ciphertext' as const, 'initialization_vector' as const), kind: fc.constant('truncate' as const), digits: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ field: fc.constantFrom('ciphertext' as const, 'initialization_vector' as const), kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
);

function damaged(envelope: Envelope, d: Damage): Envelope {
  const hex = envelope[d.field];
  if (d.kind === 'truncate') return { ...envelope, [d.field]: hex.slice(0, Math.max(0, hex.length - d.digits)) };
  const raw = Buffer.from(hex, 'hex');
  const at = d.at % raw.length;
  raw[at] = raw[at]! ^ (1 << d.bit);
  return { ...envelope, [d.field]: raw.toString('hex').toUpperCase() };
}

export const tamper: PropertyDefinition<{ value: unknown; iv: Buffer; damage: Damage }> = {
  id: 'prop.envelope.local.damage-detected',
  title: 'Any truncation or bit flip of the ciphertext or IV gives a typed EnvelopeError or a different plaintext, never another exception',
  level: 'MUST',
  clause: '1.3/malformed-envelope',
  tags: ['envelope'],
  kind: 'local',
  runs: 300,
  arbitrary: () => fc.record({ value: fc.jsonValue({ maxDepth: 2 }), iv, damage }),
  check: async ({ value, iv: v, damage: d }) => {
    const sealed = seal(value, MSK, { iv: v });
    const original = openBytes(sealed, MSK);
    const broken = damaged(sealed, d);
    try {
      // "A different plaintext" means different bytes: "1.5e-323" and "1.5E-323" differ, though JSON reads them alike.
      if (openBytes(broken, MSK).equals(original)) return { message: `${d.kind} of ${d.field} went unnoticed: the same plaintext bytes came out`, actual: d };
      open(broken, MSK);
      return null;
    } catch (error) {
      return error instanceof EnvelopeError ? null : { message: `${d.kind} of ${d.field} threw ${(error as Error).name}, not an EnvelopeError`, actual: String(error) };
    }
  },
};

const properties = [roundTripJson, roundTripBytes, tamper];
export default properties;

registerWhenRunByJest(__filename, properties as never);
