/** Faults in the signature, timestamp, nonce, key id and device-header rules (PROFILE 1.1, 1.2). */
import { open } from '../../../../crypto/envelope';
import { TIMESTAMP_WINDOW_SECONDS } from '../../../../profile/pos';
import { parseRfc3339 } from '../../../../profile/rfc3339';
import { reject } from '../rejection';
import { header } from '../request';
import { referenceRules as ref } from '../rules';
import type { FaultVariant } from './types';

/** A timestamp rule with another window, or checking one side only. */
function windowRule(seconds: number, sides: 'both' | 'past-only') {
  return (value: string, nowMs: number) => {
    const sent = parseRfc3339(value);
    if (sent === null) return reject.unauthorized('X-Timestamp is not RFC 3339');
    const late = nowMs - sent > seconds * 1000;
    const early = sides === 'both' && sent - nowMs > seconds * 1000;
    return late || early ? reject.unauthorized('X-Timestamp is outside the window') : null;
  };
}

export const AUTH_FAULTS: FaultVariant[] = [
  {
    name: 'signature-unchecked',
    title: 'The signature is never verified',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { checkSignature: () => null },
    caughtBy: ['pos.signature.wrong-secret', 'pos.signature.missing', 'pos.signature.over-other-body'],
  },
  {
    name: 'signature-prefix-optional',
    title: 'A signature without the v1= prefix is accepted',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { checkSignature: (value, parts, secret) => ref.checkSignature(value !== undefined && !value.startsWith('v1=') ? `v1=${value}` : value, parts, secret) },
  },
  {
    name: 'canonical-without-body',
    title: 'The canonical string leaves out the body',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: { canonicalPartsOf: (req, ctx) => ({ ...ref.canonicalPartsOf(req, ctx), body: '' }) },
    caughtBy: ['pos.signature.valid-accepted', 'pos.signature.body-pretty'],
  },
  {
    name: 'canonical-without-query',
    title: 'The canonical string leaves out the query (appended parameters go unnoticed)',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: { canonicalPartsOf: (req, ctx) => ({ ...ref.canonicalPartsOf(req, ctx), query: '' }) },
    caughtBy: ['pos.signature.query-not-covered-refused'],
  },
  {
    name: 'canonical-decoded-path',
    title: 'The canonical string uses the percent-decoded path and query, so "%0A" can move data between them',
    clause: '1.2/signature',
    level: 'MUST',
    rules: {
      canonicalPartsOf: (req, ctx) => {
        const parts = ref.canonicalPartsOf(req, ctx);
        const decode = (text: string) => {
          try {
            return decodeURIComponent(text);
          } catch {
            return text;
          }
        };
        return { ...parts, path: decode(parts.path), query: decode(parts.query) };
      },
    },
    caughtBy: ['pos.signature.raw-path-signed'],
  },
  {
    name: 'canonical-without-terminal-id',
    title: 'The canonical string leaves out X-Terminal-Id',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: { canonicalPartsOf: (req, ctx) => ({ ...ref.canonicalPartsOf(req, ctx), terminalId: '' }) },
  },
  {
    name: 'canonical-without-nonce',
    title: 'The canonical string leaves out X-Nonce',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: { canonicalPartsOf: (req, ctx) => ({ ...ref.canonicalPartsOf(req, ctx), nonce: '' }) },
  },
  {
    name: 'canonical-reserialised-body',
    title: 'The canonical string uses the body re-serialised (JSON.stringify(JSON.parse(body))), not the raw bytes',
    clause: '1.2/body-formatting',
    level: 'MUST',
    rules: {
      canonicalPartsOf: (req, ctx) => {
        const parts = ref.canonicalPartsOf(req, ctx);
        try {
          return { ...parts, body: req.body.length ? JSON.stringify(JSON.parse(req.body.toString('utf8'))) : '' };
        } catch {
          return parts;
        }
      },
    },
    caughtBy: ['pos.signature.body-pretty', 'pos.signature.body-spaced'],
  },
  {
    name: 'canonical-over-plaintext',
    title: 'The signature is checked over the decrypted plaintext, as the seeds\' code samples sign it',
    clause: '1.2/signature',
    level: 'MUST',
    rules: {
      canonicalPartsOf: (req, ctx) => {
        const parts = ref.canonicalPartsOf(req, ctx);
        const terminal = ctx.options.terminals.find((t) => t.id === header(req, 'X-Terminal-Id'));
        try {
          return terminal && req.body.length ? { ...parts, body: JSON.stringify(open(req.body, terminal.msk)) } : parts;
        } catch {
          return parts;
        }
      },
    },
    caughtBy: ['pos.signature.valid-accepted'],
  },
  {
    name: 'key-id-ignored',
    title: 'X-Key-Id is ignored: any key id gets the one secret',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { secretFor: (_keyId, ctx) => Object.values(ctx.options.keys)[0] },
    caughtBy: ['pos.signature.unknown-key-id'],
  },
  {
    name: 'timestamp-window-600',
    title: 'The timestamp window is 600 s instead of 300 s',
    clause: '1.2/timestamp-reject',
    level: 'MUST',
    rules: { checkTimestamp: windowRule(600, 'both') },
    caughtBy: ['pos.timestamp.past-303-refused', 'pos.timestamp.future-303-refused'],
  },
  {
    name: 'timestamp-window-250',
    title: 'The timestamp window is 250 s: valid requests near the edge are refused',
    clause: '1.2/timestamp-accept',
    level: 'MUST',
    rules: { checkTimestamp: windowRule(250, 'both') },
    caughtBy: ['pos.timestamp.past-297-accepted', 'pos.timestamp.future-297-accepted'],
  },
  {
    name: 'timestamp-past-only',
    title: 'Only stale timestamps are refused; any timestamp in the future is accepted',
    clause: '1.2/timestamp-reject',
    level: 'MUST',
    rules: { checkTimestamp: windowRule(TIMESTAMP_WINDOW_SECONDS, 'past-only') },
    caughtBy: ['pos.timestamp.future-303-refused'],
  },
  {
    name: 'timestamp-seconds-form-only',
    title: 'Only the ...SSZ form is read; fractional seconds and offsets are refused',
    clause: '1.2/timestamp-forms',
    level: 'SHOULD',
    rules: { checkTimestamp: (value, now) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value) ? ref.checkTimestamp(value, now) : reject.unauthorized('unsupported timestamp form')) },
    caughtBy: ['pos.timestamp.fraction-accepted', 'pos.timestamp.offset-accepted'],
  },
  {
    name: 'nonce-replay-unchecked',
    title: 'No replay store: a nonce can be used again',
    clause: '1.2/nonce-replay',
    level: 'MUST',
    rules: { checkNonceReplay: () => null },
    caughtBy: ['pos.nonce.replay-refused', 'pos.nonce.replay-concurrent-once'],
  },
  {
    name: 'nonce-replay-per-path',
    title: 'The replay store is kept per path, so a nonce can be replayed on another operation',
    clause: '1.2/nonce-replay',
    level: 'MUST',
    rules: { checkNonceReplay: (keyId, nonce, ctx, req) => ref.checkNonceReplay(`${keyId}:${req.path}`, nonce, ctx, req) },
    caughtBy: ['pos.nonce.replay-on-other-operation-refused'],
  },
  {
    name: 'nonce-format-unchecked',
    title: 'Any nonce is accepted: short, empty of letters, with punctuation',
    clause: '1.2/nonce-format',
    level: 'MUST',
    rules: { checkNonceFormat: () => null },
    caughtBy: ['pos.nonce.length-11-refused', 'pos.nonce.dash-refused'],
  },
  {
    name: 'nonce-min-length-8',
    title: 'Nonces of 8 characters or more are accepted',
    clause: '1.2/nonce-format',
    level: 'MUST',
    rules: { checkNonceFormat: (nonce) => (/^[A-Za-z0-9]{8,}$/.test(nonce) ? null : reject.unauthorized('bad nonce')) },
    caughtBy: ['pos.nonce.length-11-refused'],
  },
  {
    name: 'device-headers-unchecked',
    title: 'Device headers are not checked at all',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: { checkDeviceHeaders: () => null },
    caughtBy: ['pos.device.user-agent-missing', 'pos.device.client-type-wrong'],
  },
  {
    name: 'device-headers-403',
    title: 'Device-header violations are answered 403',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: { checkDeviceHeaders: (req, ctx) => { const r = ref.checkDeviceHeaders(req, ctx); return r && { ...r, status: 403, code: '4003' }; } },
    caughtBy: ['pos.device.user-agent-missing'],
  },
  {
    name: 'auth-failures-403',
    title: 'Signature failures are answered 403 instead of 401',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { checkSignature: (value, parts, secret) => { const r = ref.checkSignature(value, parts, secret); return r && { ...r, status: 403 }; } },
    caughtBy: ['pos.signature.wrong-secret'],
  },
];
