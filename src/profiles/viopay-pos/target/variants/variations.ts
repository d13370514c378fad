/**
 * The reference target in every alternative PROFILE allows (MAY) and in liberties any
 * implementation may take. Certification must pass each with no failure and no warning.
 */
import type { LegalVariation } from './types';

export const VARIATIONS: LegalVariation[] = [
  { name: 'refund-before-settlement-refused', title: 'Refunds of approved charges that are not settled yet are refused 400', clause: '1.6/refund-before-settlement', options: { may: { refundBeforeSettlement: 'refuse' } } },
  { name: 'repeat-cancel-200', title: 'Cancelling a cancelled charge answers 200 cancelled again', clause: '1.7/cancel-repeat', options: { may: { repeatCancel: 'repeat' } } },
  { name: 'unknown-id-400', title: 'Unknown charge ids are answered 400 4000 instead of 404', clause: '1.4/unknown-id', options: { may: { unknownChargeStatus: 400 } } },
  { name: 'idempotency-conflict-409', title: 'An Idempotency-Key repeated with another body is answered 409', clause: '1.5/idempotency-conflict', options: { may: { idempotencyConflict: 'reject' } } },
  { name: 'kcv-5-byte', title: 'key_kcv in the 5-byte form (10 hex digits)', clause: '1.3/kcv-5-byte', options: { may: { kcvBytes: 5 } } },
  { name: 'device-headers-400', title: 'Device-header violations are answered 400 4000 instead of 401', clause: '1.1/device-headers', options: { may: { deviceHeaderStatus: 400 } } },
  { name: 'kcv-legacy', title: 'The target declares the legacy KCV method (AES-ECB of zeros) and uses it', clause: '1.3/kcv', options: { kcvMethod: 'legacy' }, declares: { kcvMethod: 'legacy' } },
  { name: 'lower-case-hex', title: 'Answers in lower-case hex (ciphertext, IV, key_kcv)', clause: 'liberty', options: { liberties: { hexCase: 'lower' } } },
  { name: 'extra-fields', title: 'Fields PROFILE does not name, in envelopes, plaintexts and error bodies', clause: 'liberty', options: { liberties: { extraFields: true } } },
  { name: 'pretty-json', title: 'Pretty-printed JSON bodies', clause: 'liberty', options: { liberties: { prettyJson: true } } },
  { name: 'charset', title: 'Content-Type: application/json; charset=utf-8', clause: 'liberty', options: { liberties: { charsetInContentType: true } } },
  { name: 'uuid-ids', title: 'Charge and refund ids are UUIDs', clause: 'liberty', options: { liberties: { idStyle: 'uuid' } } },
  { name: 'numeric-ids', title: 'Charge and refund ids are 18 digits', clause: 'liberty', options: { liberties: { idStyle: 'numeric' } } },
  { name: 'other-error-messages', title: 'Error messages in other words (and another language)', clause: 'liberty', options: { liberties: { otherErrorMessages: true } } },
  { name: 'timestamps-in-answers', title: 'Answers carry RFC 3339 timestamps with fractions and offsets (created_at)', clause: 'liberty', options: { liberties: { timestampsInAnswers: true } } },
  { name: 'slow-gateway', title: 'The acquirer takes 40 ms per decision', clause: 'liberty', options: { gatewayLatencyMs: 40 } },
  { name: 'keys-reversed', title: 'Every JSON object (envelope, plaintext, error body) with its keys in reverse order', clause: 'liberty', options: { liberties: { keyOrder: 'reversed' } } },
  { name: 'keys-sorted', title: 'Every JSON object (envelope, plaintext, error body) with its keys sorted', clause: 'liberty', options: { liberties: { keyOrder: 'sorted' } } },
  { name: 'chunked', title: 'Answers in chunked transfer encoding (no Content-Length), in two chunks', clause: 'liberty', options: { liberties: { chunked: true } } },
  { name: 'connection-close', title: 'Connection: close on every answer', clause: 'liberty', options: { liberties: { connectionClose: true } } },
  { name: 'extra-headers', title: 'Response headers PROFILE does not name (X-Request-Id, Cache-Control, Server)', clause: 'liberty', options: { liberties: { extraHeaders: true } } },
  { name: 'latency-200ms', title: 'Every answer takes 200 ms', clause: 'liberty', options: { liberties: { answerDelayMs: 200 } } },
  { name: 'not-found-code-4004', title: 'Unknown charges and routes are answered 404 with error code 4004', clause: '1.4/unknown-id', options: { liberties: { notFoundCode: '4004' } } },
  { name: 'kcv-5-byte-lower-case', title: 'key_kcv in the 5-byte form, in lower-case hex', clause: '1.3/kcv-5-byte', options: { may: { kcvBytes: 5 }, liberties: { hexCase: 'lower' } } },
  {
    name: 'all-liberties',
    title: 'Every liberty at once: sorted keys, pretty JSON, chunked, Connection: close, extra fields and headers, lower-case hex, charset, UUID ids, other messages, 4004',
    clause: 'liberty',
    options: {
      may: { kcvBytes: 5, deviceHeaderStatus: 400, unknownChargeStatus: 404, repeatCancel: 'repeat' },
      liberties: {
        keyOrder: 'sorted', prettyJson: true, chunked: true, connectionClose: true, extraHeaders: true, extraFields: true, hexCase: 'lower',
        charsetInContentType: true, idStyle: 'uuid', otherErrorMessages: true, timestampsInAnswers: true, notFoundCode: '4004',
      },
    },
  },
];
