/**
 * PROFILE 1.2, the signature: X-Signature values that are almost right, canonical strings that
 * leave out, empty or re-render one element, X-Key-Id near misses, and the body formattings a
 * target must accept. Each case is one check; src/client/near-miss.ts makes the near misses.
 */
import type { ProbeFamily } from '../src/probe/family';
import { registerProbesWhenRunByJest } from '../src/probe/jest-entry';

const REFUSED_401 = { status: 401, code: '4001', error: 'standard' } as const;
const APPROVED = { status: 200, fields: { status: 'approved' } };

const sig = (kind: string, extra: Record<string, unknown> = {}) => ({ element: 'X-Signature', kind, in: 'sent', ...extra }) as never;

export const signatureValue: ProbeFamily = {
  id: 'pos.probe.signature-value',
  profile: 'viopay-pos',
  clause: '1.2/signature-failures',
  level: 'MUST',
  subject: 'A charge whose X-Signature is the valid value',
  tags: ['signature', 'near-miss'],
  step: { charge: {} },
  refused: REFUSED_401,
  accepted: APPROVED,
  cases: [
    { name: 'suffixed-char', miss: sig('suffixed', { text: 'A' }), description: 'A decoder that stops at a whole value, or compares a prefix, accepts it.' },
    { name: 'suffixed-padding', miss: sig('suffixed', { text: '=' }) },
    { name: 'suffixed-quantum', miss: sig('suffixed', { text: 'AAAA' }), description: 'Four more base64 characters: 35 bytes, of which the first 32 are the right MAC.' },
    { name: 'suffixed-second-signature', miss: sig('suffixed', { text: ',v1=AAAA' }), description: 'PROFILE 1.2 knows one signature per request, not a list to pick from.' },
    { name: 'truncated-padding', miss: sig('truncated', { count: 1 }), description: 'Without its = padding: PROFILE asks standard base64 with padding.' },
    { name: 'truncated-2', miss: sig('truncated', { count: 2 }) },
    { name: 'truncated-quantum', miss: sig('truncated', { count: 4 }) },
    { name: 'inner-space', miss: sig('inserted', { text: ' ', count: 12 }), description: "Lenient base64 decoders (Node's Buffer.from) skip whitespace." },
    { name: 'inner-tab', miss: sig('inserted', { text: '\t', count: 20 }) },
    { name: 'inner-junk', miss: sig('inserted', { text: '!', count: 12 }), description: "Lenient base64 decoders (Node's Buffer.from) skip characters outside the alphabet." },
    { name: 'base64url', miss: sig('base64url'), description: 'The MAC in the URL-safe alphabet (- and _ for + and /): not standard base64.' },
    { name: 'hex', miss: sig('hex') },
    { name: 'mac-extended', miss: sig('mac-length', { count: 4 }) },
    { name: 'mac-cut', miss: sig('mac-length', { count: -4 }) },
    { name: 'mac-half', miss: sig('mac-length', { count: -16 }) },
    { name: 'lower-case', miss: sig('lower-case'), description: 'base64 is case-sensitive: a case-insensitive compare accepts it.' },
    { name: 'upper-case', miss: sig('upper-case') },
    { name: 'prefix-upper-case', miss: sig('prefix', { text: 'V1=' }) },
    { name: 'prefix-colon', miss: sig('prefix', { text: 'v1:' }) },
    { name: 'prefix-no-equals', miss: sig('prefix', { text: 'v1' }) },
    { name: 'prefix-space', miss: sig('prefix', { text: 'v1= ' }) },
    { name: 'prefix-doubled', miss: sig('prefix', { text: 'v1=v1=' }) },
    { name: 'prefix-v10', miss: sig('prefix', { text: 'v10=' }) },
    { name: 'prefix-sha256', miss: sig('prefix', { text: 'sha256=' }) },
  ],
};

const signed = (element: string, kind: string, extra: Record<string, unknown> = {}) => ({ element, kind, in: 'signed', ...extra }) as never;

export const canonicalElements: ProbeFamily = {
  id: 'pos.probe.canonical',
  profile: 'viopay-pos',
  clause: '1.2/signature-coverage',
  level: 'MUST',
  subject: 'A charge signed over a canonical string with',
  tags: ['signature', 'canonical', 'near-miss'],
  step: { charge: {} },
  refused: REFUSED_401,
  accepted: APPROVED,
  cases: [
    { name: 'method-lower-case', title: 'the method in lower case', miss: signed('method', 'lower-case') },
    { name: 'method-empty', title: 'an empty method', miss: signed('method', 'empty') },
    { name: 'method-left-out', title: 'the method left out (six elements)', miss: signed('method', 'removed') },
    { name: 'path-empty', title: 'an empty path', miss: signed('path', 'empty') },
    { name: 'path-left-out', title: 'the path left out', miss: signed('path', 'removed') },
    { name: 'path-trailing-slash', title: 'the path with a trailing slash', miss: signed('path', 'suffixed', { text: '/' }) },
    { name: 'path-upper-case', title: 'the path in upper case', miss: signed('path', 'upper-case') },
    { name: 'path-with-question-mark', title: 'the path followed by "?"', miss: signed('path', 'suffixed', { text: '?' }) },
    { name: 'query-left-out', title: 'the (empty) query left out', miss: signed('query', 'removed'), description: 'Six elements: METHOD, PATH, BODY, ... with no empty line for the query.' },
    { name: 'body-empty', title: 'an empty body instead of the envelope', miss: signed('body', 'empty'), description: "The seeds' cancel samples sign an empty body; a charge's signature covers its envelope." },
    { name: 'body-left-out', title: 'the body left out', miss: signed('body', 'removed') },
    { name: 'body-plaintext', title: 'the plaintext JSON instead of the envelope', miss: signed('body', 'plaintext'), description: "The seeds' code samples sign the plaintext; PROFILE 1.2 signs the envelope exactly as sent." },
    { name: 'body-trailing-newline', title: 'the body followed by a newline', miss: signed('body', 'suffixed', { text: '\n' }) },
    { name: 'body-reserialised', title: 'the body re-serialised (sent pretty-printed)', break: { body: { spacing: 'pretty' } }, miss: signed('body', 'reserialised') },
    { name: 'body-trimmed', title: 'the body trimmed (sent with whitespace around it)', miss: { element: 'body', kind: 'padded', text: ' \n', in: 'sent' } },
    { name: 'terminal-id-empty', title: 'an empty X-Terminal-Id', miss: signed('X-Terminal-Id', 'empty') },
    { name: 'terminal-id-left-out', title: 'X-Terminal-Id left out', miss: signed('X-Terminal-Id', 'removed') },
    { name: 'terminal-id-lower-case', title: 'X-Terminal-Id in lower case', miss: signed('X-Terminal-Id', 'lower-case') },
    { name: 'terminal-id-trailing-space', title: 'X-Terminal-Id with a trailing space', miss: signed('X-Terminal-Id', 'suffixed', { text: ' ' }) },
    { name: 'timestamp-empty', title: 'an empty X-Timestamp', miss: signed('X-Timestamp', 'empty') },
    { name: 'timestamp-left-out', title: 'X-Timestamp left out', miss: signed('X-Timestamp', 'removed') },
    { name: 'timestamp-rendered-fraction', title: 'X-Timestamp re-rendered with a fraction (sent without)', miss: signed('X-Timestamp', 'rendered', { text: 'fraction' }) },
    { name: 'timestamp-rendered-offset', title: 'X-Timestamp re-rendered as +00:00 (sent as Z)', miss: signed('X-Timestamp', 'rendered', { text: 'zero-offset' }) },
    {
      name: 'timestamp-sent-fraction',
      title: 'X-Timestamp in seconds while it was sent with a fraction',
      miss: { element: 'X-Timestamp', kind: 'rendered', text: 'fraction', in: 'sent' },
      description: 'A target that parses the timestamp and signs its own rendering accepts a signature over another text than the one sent.',
    },
    {
      name: 'timestamp-sent-offset',
      title: 'X-Timestamp as Z while it was sent with +02:00',
      miss: { element: 'X-Timestamp', kind: 'rendered', text: 'offset', in: 'sent' },
    },
    { name: 'nonce-empty', title: 'an empty X-Nonce', miss: signed('X-Nonce', 'empty') },
    { name: 'nonce-left-out', title: 'X-Nonce left out', miss: signed('X-Nonce', 'removed') },
    { name: 'nonce-lower-case', title: 'X-Nonce in lower case', miss: signed('X-Nonce', 'lower-case') },
    { name: 'nonce-upper-case', title: 'X-Nonce in upper case', miss: signed('X-Nonce', 'upper-case') },
    { name: 'nonce-truncated', title: 'X-Nonce with its last character cut', miss: signed('X-Nonce', 'truncated') },
    { name: 'trailing-newline', title: 'a trailing newline', miss: { element: 'canonical', kind: 'suffixed', text: '\n' } },
    { name: 'leading-newline', title: 'a leading newline', miss: { element: 'canonical', kind: 'prefixed', text: '\n' } },
    { name: 'crlf', title: 'elements joined with CRLF', miss: { element: 'canonical', kind: 'separator', text: '\r\n' } },
    { name: 'terminal-id-nonce-swapped', title: 'X-Terminal-Id and X-Nonce swapped', miss: { element: 'canonical', kind: 'swapped', text: 'terminalId,nonce' } },
    { name: 'timestamp-nonce-swapped', title: 'X-Timestamp and X-Nonce swapped', miss: { element: 'canonical', kind: 'swapped', text: 'timestamp,nonce' } },
    { name: 'method-path-swapped', title: 'the method and path swapped', miss: { element: 'canonical', kind: 'swapped', text: 'method,path' } },
  ],
};

/** The query only counts when a request has one; a target may refuse an unexpected query (400) or the signature (401). */
export const canonicalQuery: ProbeFamily = {
  id: 'pos.probe.canonical-query',
  profile: 'viopay-pos',
  clause: '1.2/signature-coverage',
  level: 'MUST',
  subject: 'A charge sent with a query, signed over',
  tags: ['signature', 'canonical', 'near-miss'],
  step: { charge: {} },
  refused: { status: [400, 401], error: 'standard' },
  accepted: APPROVED,
  cases: [
    { name: 'left-out', title: 'a canonical string without the query', break: { query: 'x=1&ref=a%20b' }, miss: signed('query', 'removed') },
    { name: 'with-question-mark', title: 'the query with its "?"', break: { query: 'x=1&ref=a%20b' }, miss: signed('query', 'prefixed', { text: '?' }) },
    { name: 'reordered', title: 'the query parameters reordered', break: { query: 'x=1&ref=a%20b' }, miss: signed('query', 'reordered') },
    { name: 'decoded', title: 'the query percent-decoded', break: { query: 'x=1&ref=a%20b' }, miss: signed('query', 'decoded') },
  ],
};

export const keyId: ProbeFamily = {
  id: 'pos.probe.key-id',
  profile: 'viopay-pos',
  clause: '1.2/signature-failures',
  level: 'MUST',
  subject: 'A charge whose X-Key-Id is the configured key id',
  tags: ['signature', 'key-id', 'near-miss'],
  step: { charge: {} },
  refused: REFUSED_401,
  accepted: APPROVED,
  cases: [
    { name: 'upper-case', miss: { element: 'X-Key-Id', kind: 'upper-case' }, description: 'A key id is an exact identifier: a case-insensitive lookup is a near miss.' },
    { name: 'lower-case-first', title: 'capitalised', miss: { element: 'X-Key-Id', kind: 'capitalised' } },
    { name: 'suffixed', miss: { element: 'X-Key-Id', kind: 'suffixed', text: 'x' } },
    { name: 'prefixed', miss: { element: 'X-Key-Id', kind: 'prefixed', text: 'x' } },
    { name: 'truncated', miss: { element: 'X-Key-Id', kind: 'truncated' } },
  ],
};

/** Formattings a target must accept when the signature covers the bytes as sent (MUST). */
export const bodyFormatting: ProbeFamily = {
  id: 'pos.probe.body-formatting',
  profile: 'viopay-pos',
  clause: '1.2/body-formatting',
  level: 'MUST',
  subject: 'A charge whose envelope is',
  tags: ['signature', 'formatting', 'near-miss'],
  step: { charge: {} },
  refused: REFUSED_401,
  accepted: APPROVED,
  cases: [
    { name: 'spaces-around', title: 'surrounded by spaces, signed as sent', outcome: 'accepted', miss: { element: 'body', kind: 'padded', text: '  ' } },
    { name: 'newline-after', title: 'followed by a newline, signed as sent', outcome: 'accepted', miss: { element: 'body', kind: 'suffixed', text: '\n' } },
    { name: 'crlf-around', title: 'surrounded by CRLF, signed as sent', outcome: 'accepted', miss: { element: 'body', kind: 'padded', text: '\r\n' } },
    { name: 'tab-before', title: 'preceded by a tab, signed as sent', outcome: 'accepted', miss: { element: 'body', kind: 'prefixed', text: '\t' } },
    {
      name: 'pretty-sorted-padded',
      title: 'pretty-printed with sorted keys and a trailing newline, signed as sent',
      outcome: 'accepted',
      break: { body: { spacing: 'pretty', key_order: 'sorted' } },
      miss: { element: 'body', kind: 'suffixed', text: '\n' },
    },
  ],
};

export default [signatureValue, canonicalElements, canonicalQuery, keyId, bodyFormatting];

registerProbesWhenRunByJest(__filename, [signatureValue, canonicalElements, canonicalQuery, keyId, bodyFormatting]);
