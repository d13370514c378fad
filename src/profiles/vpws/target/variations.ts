/**
 * Legal variations of the VPWS reference target: each takes a choice PROFILE section 2 allows
 * (MAY) or a liberty any implementation may take, and the selftest must certify every one.
 */
import type { VpwsLegalVariation } from './variant-types';

export const VPWS_VARIATIONS: VpwsLegalVariation[] = [
  { name: 'vpws-repeat-cancel-succeeds', title: 'A second cancel of the same referenceCode succeeds again (idempotent)', clause: '2/repeat-cancel', options: { may: { repeatCancel: 'succeed' } } },
  { name: 'vpws-refusal-400', title: 'A refused cancel is answered HTTP 400 (isSuccess false in the body)', clause: '2/not-cancellable', options: { may: { refusalStatus: 400 } } },
  { name: 'vpws-refusal-422', title: 'A refused cancel is answered HTTP 422 (isSuccess false in the body)', clause: '2/not-cancellable', options: { may: { refusalStatus: 422 } } },
  { name: 'vpws-missing-reference-200', title: 'A missing or empty referenceCode is answered 200 with isSuccess false', clause: '2/reference-required', options: { may: { missingReferenceStatus: 200 } } },
  { name: 'vpws-free-fields-arrays', title: 'exceptions, oldData and errors are arrays on every answer; a refusal says why in errors (["Unauthorized"])', clause: '2/free-fields', options: { liberties: { freeFields: 'array' } } },
  { name: 'vpws-free-fields-objects', title: 'exceptions, oldData and errors are objects on every answer; a refusal says why in errors', clause: '2/free-fields', options: { liberties: { freeFields: 'object' } } },
  { name: 'vpws-free-fields-strings', title: 'exceptions, oldData and errors are strings on every answer; a refusal says why in errors', clause: '2/free-fields', options: { liberties: { freeFields: 'string' } } },
  { name: 'vpws-data-on-refusals', title: '401, 403 and bad-body answers carry data with isSuccess false and an errorCode instead of data null', clause: 'liberty', options: { liberties: { dataOnRefusals: true } } },
  { name: 'vpws-refusal-status-code-own', title: "A refusal's statusCode is the gateway's own code (1401, 1403...), not the HTTP status", clause: 'liberty', options: { liberties: { refusalStatusCode: 'own' } } },
  { name: 'vpws-decimal-amounts', title: 'lastAmount written with a decimal point ("lastAmount": 0.0), as the seed example', clause: 'liberty', options: { liberties: { decimalAmounts: true } } },
  { name: 'vpws-keys-reversed', title: 'Every JSON object written with its keys in reverse order', clause: 'liberty', options: { liberties: { keyOrder: 'reversed' } } },
  { name: 'vpws-keys-sorted', title: 'Every JSON object written with its keys sorted', clause: 'liberty', options: { liberties: { keyOrder: 'sorted' } } },
  { name: 'vpws-extra-fields', title: 'Fields PROFILE does not name, beside the wrapper fields and in data', clause: 'liberty', options: { liberties: { extraFields: true } } },
  { name: 'vpws-pretty-json', title: 'Pretty-printed JSON bodies', clause: 'liberty', options: { liberties: { prettyJson: true } } },
  { name: 'vpws-other-messages', title: 'message and errorMessage in other words (Turkish)', clause: 'liberty', options: { liberties: { messageText: 'other' } } },
  { name: 'vpws-charset-content-type', title: 'Content-Type: application/json; charset=utf-8', clause: 'liberty', options: { liberties: { charsetInContentType: true } } },
  { name: 'vpws-chunked', title: 'Answers in chunked transfer encoding (no Content-Length)', clause: 'liberty', options: { liberties: { chunked: true } } },
  { name: 'vpws-connection-close', title: 'Connection: close on every answer (no keep-alive)', clause: 'liberty', options: { liberties: { connectionClose: true } } },
  { name: 'vpws-extra-headers', title: 'Response headers PROFILE does not name (X-Request-Id, Cache-Control, Server)', clause: 'liberty', options: { liberties: { extraHeaders: true } } },
  { name: 'vpws-slow-gateway', title: 'The bank takes 40 ms per cancel', clause: 'liberty', options: { gatewayLatencyMs: 40 } },
  {
    name: 'vpws-every-liberty',
    title: 'All at once: errors arrays, data on refusals, own statusCodes, 0.0 amounts, reversed keys, extra fields and headers, Turkish texts, chunked, Connection: close, idempotent repeats, 422 refusals',
    clause: 'liberty',
    options: {
      may: { repeatCancel: 'succeed', refusalStatus: 422, missingReferenceStatus: 200 },
      liberties: {
        freeFields: 'array',
        dataOnRefusals: true,
        refusalStatusCode: 'own',
        decimalAmounts: true,
        keyOrder: 'reversed',
        extraFields: true,
        messageText: 'other',
        charsetInContentType: true,
        chunked: true,
        connectionClose: true,
        extraHeaders: true,
        prettyJson: true,
      },
    },
  },
];
