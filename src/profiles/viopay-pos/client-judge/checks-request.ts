/**
 * Client checks on the request line and the headers (PROFILE 1.1, 1.2): the route and method, the
 * device headers, the signature headers, the signature (with its diagnosis) and the timestamp.
 */
import { parseSignature, SignatureError, verifySignature } from '../../../crypto/signature';
import { CLIENT_TYPE, HEADER, TIMESTAMP_WINDOW_SECONDS, USER_AGENT_PREFIX } from '../../../profile/pos';
import { parseRfc3339 } from '../../../profile/rfc3339';
import { SEED } from './clauses';
import { canonicalPartsOf } from '../target/rules/signature';
import { diagnoseSignature } from './diagnose';
import { broken, headerOf, held, notApplicable, type ClientCheck } from './types';

const ref = (clause: string, seed: string = SEED.charge) => ({ seed, clause });

export const REQUEST_CHECKS: readonly ClientCheck[] = [
  {
    id: 'client.pos.route.known',
    title: 'the request names a route of the API',
    level: 'MUST',
    ref: ref('1.1/routes', SEED.cancel),
    judge: (request, session) =>
      session.facts(request).route === null
        ? broken(`${request.path} is not a route of the API (/pos/charge, /pos/charge/{id}/refund, /cancel, /reverse)`, { actual: request.path })
        : held,
  },
  {
    id: 'client.pos.route.method',
    title: 'every request is a POST',
    level: 'MUST',
    ref: ref('1.1/routes', SEED.cancel),
    judge: (request) => (request.method === 'POST' ? held : broken(`method ${request.method}; every operation is POST`, { expected: 'POST', actual: request.method })),
  },
  {
    id: 'client.pos.headers.terminal-id',
    title: 'X-Terminal-Id names the terminal',
    level: 'MUST',
    ref: ref('1.1/device-headers'),
    judge: (request, session) => {
      const value = headerOf(request, HEADER.terminalId);
      if (value === undefined || value === '') return broken('X-Terminal-Id is missing or empty');
      return value === session.keys.terminalId ? held : broken(`X-Terminal-Id ${value} is not the terminal paycert client serves`, { expected: session.keys.terminalId, actual: value });
    },
  },
  {
    id: 'client.pos.headers.user-agent',
    title: `User-Agent starts with ${USER_AGENT_PREFIX}`,
    level: 'MUST',
    ref: ref('1.1/device-headers'),
    judge: (request) => {
      const value = headerOf(request, HEADER.userAgent);
      return value?.startsWith(USER_AGENT_PREFIX) ? held : broken(`User-Agent ${value === undefined ? 'is missing' : `"${value}" does not start with ${USER_AGENT_PREFIX}`}`, { expected: `${USER_AGENT_PREFIX}{version} ({OS}; {model})`, actual: value ?? null });
    },
  },
  {
    id: 'client.pos.headers.client-type',
    title: `X-Client-Type is ${CLIENT_TYPE}`,
    level: 'MUST',
    ref: ref('1.1/device-headers'),
    judge: (request) => {
      const value = headerOf(request, HEADER.clientType);
      return value === CLIENT_TYPE ? held : broken(`X-Client-Type is ${value === undefined ? 'missing' : `"${value}"`}; it must be exactly ${CLIENT_TYPE}`, { expected: CLIENT_TYPE, actual: value ?? null });
    },
  },
  {
    id: 'client.pos.signature.headers',
    title: 'X-Key-Id, X-Timestamp, X-Nonce and X-Signature are sent; X-Key-Id names the key',
    level: 'MUST',
    ref: ref('1.2/signature-failures'),
    judge: (request, session) => {
      const missing = [HEADER.keyId, HEADER.timestamp, HEADER.nonce, HEADER.signature].filter((h) => !headerOf(request, h));
      if (missing.length > 0) return broken(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`);
      const keyId = headerOf(request, HEADER.keyId);
      return keyId === session.keys.keyId ? held : broken(`X-Key-Id ${keyId} is not the key paycert client serves`, { expected: session.keys.keyId, actual: keyId });
    },
  },
  {
    id: 'client.pos.signature.format',
    title: 'X-Signature is v1= and the standard padded base64 of 32 bytes',
    level: 'MUST',
    ref: ref('1.2/signature'),
    judge: (request, session) => {
      const value = headerOf(request, HEADER.signature);
      if (value === undefined || value === '') return notApplicable;
      try {
        parseSignature(value);
        return held;
      } catch (error) {
        if (!(error instanceof SignatureError)) throw error;
        const diagnosis = diagnoseSignature(request, session.facts(request), session.keys);
        return broken(`${error.message}. Diagnosis: ${diagnosis.message}`, { diagnosis });
      }
    },
  },
  {
    id: 'client.pos.signature.valid',
    title: 'X-Signature is the HMAC-SHA256 of the canonical string of the request as sent',
    level: 'MUST',
    ref: ref('1.2/signature'),
    judge: (request, session) => {
      const value = headerOf(request, HEADER.signature);
      if (headerOf(request, HEADER.keyId) !== session.keys.keyId) return notApplicable;
      try {
        parseSignature(value);
      } catch {
        return notApplicable;
      }
      try {
        verifySignature(value, canonicalPartsOf(request), session.keys.hmacSecret);
        return held;
      } catch (error) {
        if (!(error instanceof SignatureError)) throw error;
        const diagnosis = diagnoseSignature(request, session.facts(request), session.keys);
        return broken(`X-Signature does not match the request as sent. Diagnosis: ${diagnosis.message}`, { diagnosis });
      }
    },
  },
  {
    id: 'client.pos.timestamp.format',
    title: 'X-Timestamp is an RFC 3339 date-time',
    level: 'MUST',
    ref: ref('1.2/timestamp-format'),
    judge: (request) => {
      const value = headerOf(request, HEADER.timestamp);
      if (value === undefined || value === '') return notApplicable;
      return parseRfc3339(value) === null ? broken(`X-Timestamp "${value}" is not RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)`, { actual: value }) : held;
    },
  },
  {
    id: 'client.pos.timestamp.accurate',
    title: `X-Timestamp is within ${TIMESTAMP_WINDOW_SECONDS} s of the server clock`,
    level: 'MUST',
    ref: ref('1.2/timestamp-reject'),
    judge: (request) => {
      const at = parseRfc3339(headerOf(request, HEADER.timestamp) ?? '');
      if (at === null) return notApplicable;
      const skew = Math.round((at - request.receivedAt) / 1000);
      if (Math.abs(at - request.receivedAt) <= TIMESTAMP_WINDOW_SECONDS * 1000) return held;
      return broken(`X-Timestamp is ${Math.abs(skew)} s ${skew < 0 ? 'behind' : 'ahead of'} the server clock (at most ${TIMESTAMP_WINDOW_SECONDS} s): set the device clock (NTP) and write the current UTC time`, {
        expected: new Date(request.receivedAt).toISOString(),
        actual: headerOf(request, HEADER.timestamp),
      });
    },
  },
];
