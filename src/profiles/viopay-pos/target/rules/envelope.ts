/**
 * PROFILE 1.3: request bodies are envelopes under the terminal's MSK; every 200 answer is an
 * envelope with a fresh random IV and the MSK's KCV.
 */
import { randomBytesFromPool } from '../../../../crypto/random';
import { open } from '../../../../crypto/envelope';
import { BLOCK_BYTES } from '../../../../crypto/aes';
import { keyCheckValue } from '../../../../crypto/kcv';
import { seal, type Envelope } from '../../../../crypto/envelope';
import { reorderKeys } from '../../../../target-kit/http';
import type { RuleContext } from './context';

/**
 * Opens a request body. Plain charge JSON (no `format` field) fails as a format error, which is
 * what PROFILE 1.3 asks: a 400.
 * @throws EnvelopeError for every malformation.
 */
export function openRequestBody(body: Buffer, msk: Buffer): unknown {
  return open(body, msk);
}

/** A fresh random IV for each answer (PROFILE 1.3 SHOULD: reuse leaks plaintext equality). */
export function responseIv(): Buffer {
  return randomBytesFromPool(BLOCK_BYTES);
}

/** The envelope of a 200 answer, before serialisation. */
export function sealResponse(plaintext: unknown, msk: Buffer, ctx: RuleContext): Envelope {
  const { may, liberties, kcvMethod, rules } = ctx.options;
  const sealed = liberties.timestampsInAnswers && plaintext !== null && typeof plaintext === 'object' ? { ...plaintext, created_at: offsetTimestamp(ctx.options.now()) } : plaintext;
  const envelope = seal(reorderKeys(sealed, liberties.keyOrder), msk, { iv: rules.responseIv(), kcv: keyCheckValue(msk, kcvMethod, may.kcvBytes) });
  if (liberties.hexCase === 'lower') {
    envelope.ciphertext = envelope.ciphertext.toLowerCase();
    envelope.initialization_vector = envelope.initialization_vector.toLowerCase();
    envelope.key_kcv = envelope.key_kcv?.toLowerCase();
  }
  if (liberties.extraFields) envelope.key_id = 'msk-term-001';
  return envelope;
}

/** An RFC 3339 timestamp with a fraction and a +05:30 offset (a liberty: extra fields may hold any). */
function offsetTimestamp(nowMs: number): string {
  return `${new Date(nowMs + 330 * 60_000).toISOString().slice(0, 23)}+05:30`;
}
