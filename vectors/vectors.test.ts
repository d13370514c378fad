/**
 * Runs every known-answer vector file in this folder against src/crypto, in both directions,
 * after validating it against vectors.schema.json. A file whose family has no runner fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import {
  aesCbcDecryptRaw,
  aesCbcEncryptRaw,
  aesCmac,
  aesEcbEncryptRaw,
  cmacSubkeys,
  EnvelopeCiphertextLengthError,
  EnvelopeError,
  EnvelopeFormatError,
  EnvelopeHexError,
  EnvelopeIvLengthError,
  EnvelopeJsonError,
  EnvelopeModeError,
  EnvelopePaddingError,
  EnvelopePlaintextError,
  hmacSha256,
  kcvMatches,
  keyCheckValue,
  open,
  openBytes,
  seal,
  sealBytes,
  SignatureError,
  sign,
  canonicalBytes,
  canonicalString,
  verifySignature,
  type CanonicalParts,
  type EnvelopeFailure,
} from '../src/crypto';

const DIR = __dirname;
const SCHEMA_FILE = 'vectors.schema.json';

interface VectorFile<C> {
  family: string;
  description: string;
  cases: C[];
}
interface BaseCase {
  id: string;
  source: string;
  comment?: string;
}
interface HmacCase extends BaseCase {
  key_hex: string;
  data_hex: string;
  mac_hex: string;
  truncate_bytes?: number;
}
interface AesCbcCase extends BaseCase {
  direction: 'encrypt' | 'decrypt';
  key_hex: string;
  iv_hex: string;
  plaintext_hex: string;
  ciphertext_hex: string;
}
type CmacCase =
  | (BaseCase & { kind: 'subkeys'; key_hex: string; l_hex: string; k1_hex: string; k2_hex: string })
  | (BaseCase & { kind: 'tag'; key_hex: string; message_hex: string; tag_hex: string });
interface KcvCase extends BaseCase {
  key_hex: string;
  method: 'cmac' | 'legacy';
  bytes: 3 | 5;
  kcv_hex: string;
}
interface WireParts {
  method: string;
  path: string;
  query: string;
  body: string;
  terminal_id: string;
  timestamp: string;
  nonce: string;
}
interface SignatureCase extends BaseCase {
  secret: string;
  key_id: string;
  parts: WireParts;
  body_envelope_of?: { plaintext_utf8: string; msk_hex: string; iv_hex: string };
  canonical_utf8: string;
  signature: string;
}
interface EnvelopeCase extends BaseCase {
  msk_hex: string;
  iv_hex: string;
  plaintext_utf8: string;
  key_kcv?: string;
  envelope: Record<string, string>;
}
interface MalformedCase extends BaseCase {
  msk_hex: string;
  body: string;
  expected_kind: EnvelopeFailure;
}

const hex = (text: string): Buffer => Buffer.from(text, 'hex');
const lowerHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A copy with the lowest bit of byte `at` flipped. */
function flipBit(bytes: Uint8Array, at = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

function readVectorFile(name: string): VectorFile<unknown> {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as VectorFile<unknown>;
}

const vectorFileNames = readdirSync(DIR)
  .filter((name) => name.endsWith('.json') && name !== SCHEMA_FILE)
  .sort();

const ajv = new Ajv2020({ allErrors: true });
const validateFile = ajv.compile(JSON.parse(readFileSync(join(DIR, SCHEMA_FILE), 'utf8')) as object);

// ---------------------------------------------------------------------------------------------
// Runners, one per family. Each registers its own tests for the cases of one file.

function runHmac(cases: HmacCase[]): void {
  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const key = hex(c.key_hex);
    const data = hex(c.data_hex);
    const length = c.truncate_bytes ?? 32;

    it('computes the published MAC', () => {
      const mac = hmacSha256(key, data);
      expect(lowerHex(mac.subarray(0, length))).toBe(c.mac_hex.toLowerCase());
    });

    it('gives another MAC when one bit of the message changes', () => {
      const mac = hmacSha256(key, flipBit(data));
      expect(lowerHex(mac.subarray(0, length))).not.toBe(c.mac_hex.toLowerCase());
    });

    it('gives another MAC when one bit of the key changes', () => {
      const mac = hmacSha256(flipBit(key), data);
      expect(lowerHex(mac.subarray(0, length))).not.toBe(c.mac_hex.toLowerCase());
    });
  });
}

function runAesCbc(cases: AesCbcCase[]): void {
  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const key = hex(c.key_hex);
    const iv = hex(c.iv_hex);

    it('encrypts the plaintext to the ciphertext', () => {
      expect(lowerHex(aesCbcEncryptRaw(key, iv, hex(c.plaintext_hex)))).toBe(c.ciphertext_hex.toLowerCase());
    });

    it('decrypts the ciphertext to the plaintext', () => {
      expect(lowerHex(aesCbcDecryptRaw(key, iv, hex(c.ciphertext_hex)))).toBe(c.plaintext_hex.toLowerCase());
    });
  });
}

function runCmac(cases: CmacCase[]): void {
  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const key = hex(c.key_hex);
    if (c.kind === 'subkeys') {
      it('has L = AES(K, 0^128)', () => {
        expect(lowerHex(aesEcbEncryptRaw(key, Buffer.alloc(16)))).toBe(c.l_hex.toLowerCase());
      });
      it('derives the subkeys K1 and K2', () => {
        const { k1, k2 } = cmacSubkeys(key);
        expect({ k1: lowerHex(k1), k2: lowerHex(k2) }).toEqual({ k1: c.k1_hex.toLowerCase(), k2: c.k2_hex.toLowerCase() });
      });
    } else {
      it('computes the published tag', () => {
        expect(lowerHex(aesCmac(key, hex(c.message_hex)))).toBe(c.tag_hex.toLowerCase());
      });
      it('gives another tag when one bit of the key changes', () => {
        expect(lowerHex(aesCmac(flipBit(key), hex(c.message_hex)))).not.toBe(c.tag_hex.toLowerCase());
      });
    }
  });
}

function runKcv(cases: KcvCase[]): void {
  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const key = hex(c.key_hex);

    it('computes the expected KCV', () => {
      expect(keyCheckValue(key, c.method, c.bytes)).toBe(c.kcv_hex.toUpperCase());
    });

    it('accepts the expected KCV in either case', () => {
      expect(kcvMatches(key, c.kcv_hex.toUpperCase(), c.method)).toBe(true);
      expect(kcvMatches(key, c.kcv_hex.toLowerCase(), c.method)).toBe(true);
    });

    it('rejects a KCV with one bit changed', () => {
      const wrong = flipBit(hex(c.kcv_hex), c.bytes - 1).toString('hex').toUpperCase();
      expect(kcvMatches(key, wrong, c.method)).toBe(false);
    });

    it('rejects the expected KCV under the other method', () => {
      expect(kcvMatches(key, c.kcv_hex, c.method === 'cmac' ? 'legacy' : 'cmac')).toBe(false);
    });
  });
}

function toParts(wire: WireParts): CanonicalParts {
  return {
    method: wire.method,
    path: wire.path,
    query: wire.query,
    body: wire.body,
    terminalId: wire.terminal_id,
    timestamp: wire.timestamp,
    nonce: wire.nonce,
  };
}

const PART_NAMES = ['method', 'path', 'query', 'body', 'terminalId', 'timestamp', 'nonce'] as const;

function runSignature(cases: SignatureCase[]): void {
  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const parts = toParts(c.parts);

    it('builds the expected canonical string', () => {
      expect(canonicalString(parts)).toBe(c.canonical_utf8);
      expect(canonicalBytes(parts).equals(Buffer.from(c.canonical_utf8, 'utf8'))).toBe(true);
    });

    it('builds the same canonical bytes from a raw byte body', () => {
      const fromBytes = canonicalBytes({ ...parts, body: Buffer.from(c.parts.body, 'utf8') });
      expect(fromBytes.equals(Buffer.from(c.canonical_utf8, 'utf8'))).toBe(true);
    });

    it('signs to the expected X-Signature', () => {
      expect(sign(parts, c.secret)).toBe(c.signature);
    });

    it('verifies the expected X-Signature', () => {
      expect(() => verifySignature(c.signature, parts, c.secret)).not.toThrow();
    });

    it.each(PART_NAMES)('rejects the signature when %s is tampered with', (name) => {
      const original = parts[name];
      const tampered: CanonicalParts = { ...parts, [name]: typeof original === 'string' ? `${original}x` : original };
      expect(() => verifySignature(c.signature, tampered, c.secret)).toThrow(
        expect.objectContaining({ name: 'SignatureError', kind: 'mismatch' }),
      );
    });

    it('rejects the signature under another secret', () => {
      let caught: unknown;
      try {
        verifySignature(c.signature, parts, `${c.secret}!`);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SignatureError);
      expect((caught as SignatureError).kind).toBe('mismatch');
    });

    const envelopeOf = c.body_envelope_of;
    if (envelopeOf !== undefined) {
      it('carries a body that is the stated envelope', () => {
        const sealed = sealBytes(Buffer.from(envelopeOf.plaintext_utf8, 'utf8'), hex(envelopeOf.msk_hex), {
          iv: hex(envelopeOf.iv_hex),
        });
        const body = JSON.parse(c.parts.body) as Record<string, unknown>;
        expect(body).toEqual(expect.objectContaining(sealed));
        expect(openBytes(c.parts.body, hex(envelopeOf.msk_hex)).toString('utf8')).toBe(envelopeOf.plaintext_utf8);
      });
    }
  });
}

function lowerCaseHex(envelope: Record<string, string>): Record<string, string> {
  const copy = { ...envelope };
  for (const field of ['ciphertext', 'initialization_vector', 'key_kcv']) {
    const value = copy[field];
    if (value !== undefined) copy[field] = value.toLowerCase();
  }
  return copy;
}

function runEnvelope(cases: EnvelopeCase[]): void {
  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const msk = hex(c.msk_hex);
    const iv = hex(c.iv_hex);
    const plaintext = Buffer.from(c.plaintext_utf8, 'utf8');
    const options = c.key_kcv === undefined ? { iv } : { iv, kcv: c.key_kcv };

    it('seals the plaintext bytes to the expected envelope', () => {
      expect(sealBytes(plaintext, msk, options)).toEqual(c.envelope);
    });

    it('seals the parsed JSON value to the expected envelope', () => {
      expect(seal(JSON.parse(c.plaintext_utf8), msk, options)).toEqual(c.envelope);
    });

    it('opens the expected envelope to the exact plaintext bytes', () => {
      expect(openBytes(JSON.stringify(c.envelope), msk).equals(plaintext)).toBe(true);
    });

    it('opens the expected envelope to the plaintext JSON', () => {
      expect(open(JSON.stringify(c.envelope), msk)).toEqual(JSON.parse(c.plaintext_utf8));
    });

    it('opens the envelope with its hex lower-cased', () => {
      expect(openBytes(JSON.stringify(lowerCaseHex(c.envelope)), msk).equals(plaintext)).toBe(true);
    });

    if (c.key_kcv !== undefined) {
      const kcv = c.key_kcv;
      it('carries the KCV of the MSK', () => {
        expect(kcvMatches(msk, kcv)).toBe(true);
      });
    }
  });
}

const ERROR_CLASS: Record<EnvelopeFailure, abstract new (...args: never[]) => EnvelopeError> = {
  json: EnvelopeJsonError,
  format: EnvelopeFormatError,
  mode: EnvelopeModeError,
  hex: EnvelopeHexError,
  iv_length: EnvelopeIvLengthError,
  ciphertext_length: EnvelopeCiphertextLengthError,
  padding: EnvelopePaddingError,
  plaintext: EnvelopePlaintextError,
};

function runMalformed(cases: MalformedCase[]): void {
  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it(`fails to open with kind ${c.expected_kind}`, () => {
      let caught: unknown;
      try {
        open(c.body, hex(c.msk_hex));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(EnvelopeError);
      expect((caught as EnvelopeError).kind).toBe(c.expected_kind);
      expect(caught).toBeInstanceOf(ERROR_CLASS[c.expected_kind]);
    });
  });

  it('covers every malformation kind', () => {
    const covered = new Set(cases.map((c) => c.expected_kind));
    expect([...covered].sort()).toEqual(Object.keys(ERROR_CLASS).sort());
  });
}

const RUNNERS: Record<string, (cases: never[]) => void> = {
  'hmac-sha256': runHmac,
  'aes-256-cbc': runAesCbc,
  'aes-cmac': runCmac,
  kcv: runKcv,
  'canonical-signature': runSignature,
  envelope: runEnvelope,
  'envelope-malformed': runMalformed,
};

// ---------------------------------------------------------------------------------------------

describe('vector files', () => {
  it('include one file per known family', () => {
    const families = vectorFileNames.map((name) => readVectorFile(name).family).sort();
    expect(families).toEqual(Object.keys(RUNNERS).sort());
  });

  it('reject an unknown family in the schema', () => {
    expect(validateFile({ family: 'sha1', description: 'x', cases: [{ id: 'a', source: 'b' }] })).toBe(false);
  });

  it('reject a case without its expected value in the schema', () => {
    const file = { family: 'hmac-sha256', description: 'x', cases: [{ id: 'a', source: 'b', key_hex: '00', data_hex: '00' }] };
    expect(validateFile(file)).toBe(false);
  });
});

describe.each(vectorFileNames)('%s', (name) => {
  const file = readVectorFile(name);

  it('matches vectors.schema.json', () => {
    const valid = validateFile(file);
    expect(validateFile.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is named after its family', () => {
    expect(name).toBe(`${file.family}.json`);
  });

  it('has a runner for its family', () => {
    expect(Object.keys(RUNNERS)).toContain(file.family);
  });

  it('has unique ids', () => {
    const ids = (file.cases as BaseCase[]).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const runner = RUNNERS[file.family];
  if (runner !== undefined && Array.isArray(file.cases)) {
    runner(file.cases as never[]);
  }
});
