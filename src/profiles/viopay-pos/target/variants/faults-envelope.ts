/** Faults in the envelope, KCV, IV and error-shape rules (PROFILE 1.3, 1.4). */
import { BLOCK_BYTES } from '../../../../crypto/aes';
import { keyCheckValue } from '../../../../crypto/kcv';
import { EnvelopeFormatError, EnvelopePaddingError, EnvelopePlaintextError } from '../../../../crypto/envelope-errors';
import { open, parseEnvelope } from '../../../../crypto/envelope';
import { RejectionError } from '../rejection';
import { referenceRules as ref } from '../rules';
import type { FaultVariant } from './types';

/** The reference way of opening a body, with one kind of envelope error turned into another outcome. */
function openTurning(kind: new (message: string) => Error, into: () => Error) {
  return (body: Buffer, msk: Buffer): unknown => {
    try {
      return ref.openRequestBody(body, msk);
    } catch (error) {
      if (error instanceof kind) throw into();
      throw error;
    }
  };
}

const OTHER_KEY = Buffer.from('BE19E6A07A760F10EF8E83A226B63AAD141F463FDDD4F47DB244B4023EC3CACC', 'hex');

export const ENVELOPE_FAULTS: FaultVariant[] = [
  {
    name: 'envelope-format-case-insensitive',
    title: 'format is compared case-insensitively (tr31-data accepted)',
    clause: '1.3/malformed-envelope',
    level: 'MUST',
    rules: {
      openRequestBody: (body, msk) => {
        const envelope = parseEnvelope(body);
        if (typeof envelope.format === 'string' && envelope.format.toUpperCase() === 'TR31-DATA') envelope.format = 'TR31-DATA';
        return open(envelope, msk);
      },
    },
    caughtBy: ['pos.envelope-request.format-lower-case'],
  },
  {
    name: 'envelope-mode-unchecked',
    title: 'mode is not checked',
    clause: '1.3/malformed-envelope',
    level: 'MUST',
    rules: { openRequestBody: (body, msk) => open({ ...parseEnvelope(body), mode: 'CBC' }, msk) },
    caughtBy: ['pos.envelope-request.mode-ecb'],
  },
  {
    name: 'envelope-padding-500',
    title: 'A bad padding is not caught and ends in a 500',
    clause: '1.4/no-5xx',
    level: 'MUST',
    rules: { openRequestBody: openTurning(EnvelopePaddingError, () => new TypeError('bad decrypt')) },
    caughtBy: ['pos.envelope-request.padding-zeros'],
  },
  {
    name: 'envelope-padding-own-code',
    title: 'Bad padding gets its own error code (a padding oracle)',
    clause: '1.3/malformed-envelope',
    level: 'MUST',
    rules: { openRequestBody: openTurning(EnvelopePaddingError, () => new RejectionError({ status: 400, code: '4002', message: 'bad padding' })) },
    caughtBy: ['pos.envelope-request.padding-zeros', 'pos.envelope-request.no-oracle-zeros-vs-not-json'],
  },
  {
    name: 'envelope-upper-hex-only',
    title: 'Only upper-case hex is accepted in requests',
    clause: '1.3/hex-case',
    level: 'MUST',
    rules: {
      openRequestBody: (body, msk) => {
        const envelope = parseEnvelope(body);
        if (/[a-f]/.test(String(envelope.ciphertext)) || /[a-f]/.test(String(envelope.initialization_vector))) throw new EnvelopeFormatError('lower-case hex');
        return open(envelope, msk);
      },
    },
    caughtBy: ['pos.envelope-request.hex-lower-case'],
  },
  {
    name: 'plaintext-body-accepted',
    title: 'A body of plain charge JSON (no envelope) is accepted',
    clause: '1.3/plaintext-body',
    level: 'MUST',
    rules: {
      openRequestBody: (body, msk) => {
        const parsed = parseEnvelope(body);
        return parsed.format === undefined && parsed.ciphertext === undefined ? parsed : open(parsed, msk);
      },
    },
    caughtBy: ['pos.envelope-request.plaintext-charge-json'],
  },
  {
    name: 'plaintext-not-json-422',
    title: 'A plaintext that is not JSON is answered 422 instead of 400 4000',
    clause: '1.3/malformed-envelope',
    level: 'MUST',
    rules: { openRequestBody: openTurning(EnvelopePlaintextError, () => new RejectionError({ status: 422, code: '4220', message: 'unprocessable' })) },
    caughtBy: ['pos.envelope-request.plaintext-not-json'],
  },
  {
    name: 'kcv-legacy-instead-of-cmac',
    title: 'key_kcv is computed by the legacy method while the target declares CMAC',
    clause: '1.3/kcv',
    level: 'MUST',
    rules: { sealResponse: (plaintext, msk, ctx) => ({ ...ref.sealResponse(plaintext, msk, ctx), key_kcv: keyCheckValue(msk, 'legacy', 3) }) },
    caughtBy: ['pos.envelope-response.kcv'],
  },
  {
    name: 'kcv-of-another-key',
    title: 'key_kcv is the KCV of another key',
    clause: '1.3/kcv',
    level: 'MUST',
    rules: { sealResponse: (plaintext, msk, ctx) => ({ ...ref.sealResponse(plaintext, msk, ctx), key_kcv: keyCheckValue(OTHER_KEY, 'cmac', 3) }) },
    caughtBy: ['pos.envelope-response.kcv'],
  },
  {
    name: 'response-iv-fixed',
    title: 'Every answer is sealed under the same IV',
    clause: '1.3/fresh-iv',
    level: 'SHOULD',
    rules: { responseIv: () => Buffer.alloc(BLOCK_BYTES, 0x42) },
    caughtBy: ['pos.envelope-response.fresh-iv'],
  },
  {
    name: 'plaintext-answers',
    title: 'Answers are plain JSON, not envelopes',
    clause: '1.3/response-envelope',
    level: 'MUST',
    rules: { sealResponse: (plaintext) => plaintext as never },
    caughtBy: ['pos.envelope-response.charge'],
  },
  {
    name: 'answer-field-renamed',
    title: 'Inside the encrypted answer, charge_id is called chargeId (the envelope itself is fine)',
    clause: '1.5/charge-answer',
    level: 'MUST',
    rules: {
      sealResponse: (plaintext, msk, ctx) => {
        const renamed = plaintext !== null && typeof plaintext === 'object' && 'charge_id' in plaintext
          ? Object.fromEntries(Object.entries(plaintext).map(([k, v]) => [k === 'charge_id' ? 'chargeId' : k, v]))
          : plaintext;
        return ref.sealResponse(renamed, msk, ctx);
      },
    },
    caughtBy: ['pos.charge.answer-fields'],
  },
  {
    name: 'response-mode-lower-case',
    title: 'Answers say "mode": "cbc"',
    clause: '1.3/response-envelope',
    level: 'MUST',
    rules: { sealResponse: (plaintext, msk, ctx) => ({ ...ref.sealResponse(plaintext, msk, ctx), mode: 'cbc' }) },
    caughtBy: ['pos.envelope-response.charge'],
  },
  {
    name: 'response-without-kcv',
    title: 'Answers carry no key_kcv',
    clause: '1.3/response-envelope',
    level: 'MUST',
    rules: { sealResponse: (plaintext, msk, ctx) => { const { key_kcv: _dropped, ...rest } = ref.sealResponse(plaintext, msk, ctx); return rest as never; } },
  },
  {
    name: 'error-body-flat',
    title: 'Errors are {"code","message"} without the "error" wrapper',
    clause: '1.4/error-body',
    level: 'MUST',
    rules: { errorBody: (rejection) => ({ code: rejection.code, message: rejection.message }) },
    caughtBy: ['pos.errors.shape-400', 'pos.errors.shape-401'],
  },
  {
    name: 'error-code-number',
    title: 'error.code is a number (4000) instead of a string',
    clause: '1.4/error-body',
    level: 'MUST',
    rules: { errorBody: (rejection, traceId) => ({ error: { code: Number(rejection.code), message: rejection.message, trace_id: traceId } }) },
  },
  {
    name: 'error-code-mismatch',
    title: 'A 401 carries code 4000',
    clause: '1.4/error-body',
    level: 'MUST',
    rules: { errorBody: (rejection, traceId) => ({ error: { code: rejection.status === 401 ? '4000' : rejection.code, message: rejection.message, trace_id: traceId } }) },
    caughtBy: ['pos.errors.shape-401'],
  },
  {
    name: 'errors-enveloped',
    title: 'Error bodies are encrypted like 200 answers',
    clause: '1.4/error-body',
    level: 'MUST',
    rules: {
      errorBody: (rejection, traceId, ctx) => {
        const msk = ctx.options.terminals[0]!.msk;
        return ref.sealResponse({ error: { code: rejection.code, message: rejection.message, trace_id: traceId } }, msk, ctx);
      },
    },
  },
];
