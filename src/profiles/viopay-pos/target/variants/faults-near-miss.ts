/**
 * Faults an implementer makes who gets a PROFILE 1.1-1.3 rule *almost* right: lenient decoders,
 * prefix and case-insensitive matches, canonical strings that trim or re-render, replay stores
 * that forget. Each passes the obvious checks; the probes of probes/ catch them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CanonicalParts } from '../../../../crypto/canonical';
import { canonicalBytes } from '../../../../crypto/canonical';
import { open } from '../../../../crypto/envelope';
import { CLIENT_TYPE, HEADER, NONCE_PATTERN, TIMESTAMP_WINDOW_SECONDS, USER_AGENT_PREFIX } from '../../../../profile/pos';
import { formatRfc3339Seconds, parseRfc3339 } from '../../../../profile/rfc3339';
import { reject, type Rejection } from '../rejection';
import { header } from '../request';
import { referenceRules as ref, type RuleContext } from '../rules';
import type { TargetStore } from '../store';
import type { FaultVariant } from './types';

const mac = (parts: CanonicalParts, secret: string) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(canonicalBytes(parts)).digest();
const expectedSignature = (parts: CanonicalParts, secret: string) => `v1=${mac(parts, secret).toString('base64')}`;
const mismatch = () => reject.unauthorized('X-Signature does not match');

/** Per-target memory for faults that remember (a WeakMap, so each target has its own). */
function memory<T>(make: () => T): (store: TargetStore) => T {
  const all = new WeakMap<TargetStore, T>();
  return (store) => {
    let kept = all.get(store);
    if (kept === undefined) all.set(store, (kept = make()));
    return kept;
  };
}

/** Good signatures by secret (checkSignature sees no target state; a secret is one target's). */
const goodSignatures = new Map<string, Set<string>>();
function rememberedSignatures(secret: string): Set<string> {
  let good = goodSignatures.get(secret);
  if (good === undefined) goodSignatures.set(secret, (good = new Set()));
  return good;
}

/** A keyed lock that forgets a key when any holder finishes (refund-lock-forgets-queue). */
class ForgetfulLock {
  private readonly tails = new Map<string, Promise<void>>();
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(key, previous.then(() => current));
    await previous;
    try {
      return await work();
    } finally {
      release();
      this.tails.delete(key);
    }
  }
}
const forgetfulLock = memory(() => new ForgetfulLock());

/** The last counter IV handed out (response-iv-counter). */
let counter = 0n;

/** A timestamp rule reading instants with `parse` instead of RFC 3339. */
function windowWith(parse: (text: string) => number | null) {
  return (value: string, nowMs: number): Rejection | null => {
    const at = parse(value);
    if (at === null || Number.isNaN(at)) return reject.unauthorized('X-Timestamp is not a date');
    return Math.abs(at - nowMs) > TIMESTAMP_WINDOW_SECONDS * 1000 ? reject.unauthorized('X-Timestamp is outside the window') : null;
  };
}

/** A replay rule that remembers nonces under `keyOf` for `forMs`, at most `capacity` of them. */
function replayStore(keyOf: (keyId: string, nonce: string, timestamp: string) => string, forMs: number, capacity = Infinity) {
  const seenBy = memory(() => new Map<string, number>());
  return (keyId: string, nonce: string, ctx: RuleContext, req: { headers: Record<string, unknown> }): Rejection | null => {
    const seen = seenBy(ctx.store);
    const key = keyOf(keyId, nonce, String(req.headers[HEADER.timestamp.toLowerCase()] ?? ''));
    const now = ctx.options.now();
    const at = seen.get(key);
    if (at !== undefined && now - at <= forMs) return reject.unauthorized('X-Nonce was already used');
    seen.delete(key);
    seen.set(key, now);
    if (seen.size > capacity) seen.delete(seen.keys().next().value!);
    return null;
  };
}

const TEN_MINUTES = 11 * 60_000;

export const NEAR_MISS_FAULTS: FaultVariant[] = [
  {
    name: 'signature-lenient-base64',
    title: "X-Signature is decoded with a lenient base64 decoder (Node's Buffer.from): unpadded, URL-safe, whitespace and junk characters pass",
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: {
      checkSignature: (value, parts, secret) => {
        if (value === undefined || !value.startsWith('v1=')) return mismatch();
        const given = Buffer.from(value.slice(3), 'base64');
        const wanted = mac(parts, secret);
        return given.length === wanted.length && timingSafeEqual(given, wanted) ? null : mismatch();
      },
    },
    caughtBy: ['pos.probe.signature-value.truncated-padding', 'pos.probe.signature-value.inner-junk', 'pos.probe.signature-value.base64url'],
  },
  {
    name: 'signature-mac-prefix',
    title: 'Only the first 32 bytes of the decoded X-Signature are compared (a longer value passes)',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: {
      checkSignature: (value, parts, secret) => {
        if (value === undefined || !/^v1=(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) return mismatch();
        const given = Buffer.from(value.slice(3), 'base64');
        const wanted = mac(parts, secret);
        return given.length >= wanted.length && timingSafeEqual(given.subarray(0, wanted.length), wanted) ? null : mismatch();
      },
    },
    caughtBy: ['pos.probe.signature-value.mac-extended'],
  },
  {
    name: 'signature-starts-with',
    title: 'X-Signature is accepted when it starts with the expected value',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { checkSignature: (value, parts, secret) => (value?.startsWith(expectedSignature(parts, secret)) ? null : mismatch()) },
    caughtBy: ['pos.probe.signature-value.suffixed-char', 'pos.probe.signature-value.suffixed-second-signature'],
  },
  {
    name: 'signature-case-insensitive',
    title: 'X-Signature is compared case-insensitively (base64 is case-sensitive)',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { checkSignature: (value, parts, secret) => (value?.toLowerCase() === expectedSignature(parts, secret).toLowerCase() ? null : mismatch()) },
    caughtBy: ['pos.probe.signature-value.lower-case', 'pos.probe.signature-value.upper-case'],
  },
  {
    name: 'signature-prefix-case-insensitive',
    title: 'The v1= prefix is matched case-insensitively (V1= passes)',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { checkSignature: (value, parts, secret) => ref.checkSignature(value?.replace(/^v1=/i, 'v1='), parts, secret) },
    caughtBy: ['pos.probe.signature-value.prefix-upper-case'],
  },
  {
    name: 'signature-value-trimmed',
    title: 'Whitespace after the v1= prefix is trimmed before decoding',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { checkSignature: (value, parts, secret) => ref.checkSignature(value?.replace(/^v1=\s+/, 'v1='), parts, secret) },
    caughtBy: ['pos.probe.signature-value.prefix-space'],
  },
  {
    name: 'signature-remembered',
    title: 'A signature value that verified once is trusted again (a cache of good signatures)',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: {
      checkSignature: (value, parts, secret) => {
        const good = rememberedSignatures(secret);
        if (value !== undefined && good.has(value)) return null;
        const refusal = ref.checkSignature(value, parts, secret);
        if (refusal === null && value !== undefined) good.add(value);
        return refusal;
      },
    },
    caughtBy: ['pos.signature.reused-on-other-request'],
  },
  {
    name: 'canonical-body-trimmed',
    title: 'The canonical string uses the body with surrounding whitespace trimmed',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: { canonicalPartsOf: (req, ctx) => ({ ...ref.canonicalPartsOf(req, ctx), body: req.body.toString('utf8').trim() }) },
    caughtBy: ['pos.probe.canonical.body-trimmed', 'pos.probe.body-formatting.spaces-around'],
  },
  {
    name: 'canonical-timestamp-rerendered',
    title: 'The canonical string holds the timestamp re-rendered from the parsed instant, not as sent',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: {
      canonicalPartsOf: (req, ctx) => {
        const parts = ref.canonicalPartsOf(req, ctx);
        const at = parseRfc3339(parts.timestamp);
        return at === null ? parts : { ...parts, timestamp: formatRfc3339Seconds(at) };
      },
    },
    caughtBy: ['pos.probe.canonical.timestamp-sent-fraction', 'pos.probe.canonical.timestamp-sent-offset'],
  },
  {
    name: 'canonical-query-sorted',
    title: 'The canonical string holds the query parameters sorted, not as sent',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: { canonicalPartsOf: (req, ctx) => ({ ...ref.canonicalPartsOf(req, ctx), query: req.query.split('&').sort().join('&') }) },
    caughtBy: ['pos.probe.canonical-query.reordered'],
  },
  {
    name: 'canonical-query-with-question-mark',
    title: 'The canonical string keeps the "?" before a query',
    clause: '1.2/signature-coverage',
    level: 'MUST',
    rules: { canonicalPartsOf: (req, ctx) => ({ ...ref.canonicalPartsOf(req, ctx), query: req.query === '' ? '' : `?${req.query}` }) },
    caughtBy: ['pos.probe.canonical-query.with-question-mark'],
  },
  {
    name: 'key-id-case-insensitive',
    title: 'X-Key-Id is looked up case-insensitively',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { secretFor: (keyId, ctx) => Object.entries(ctx.options.keys).find(([id]) => id.toLowerCase() === keyId.toLowerCase())?.[1] },
    caughtBy: ['pos.probe.key-id.upper-case'],
  },
  {
    name: 'key-id-prefix-match',
    title: 'X-Key-Id matches a key whose id it starts with',
    clause: '1.2/signature-failures',
    level: 'MUST',
    rules: { secretFor: (keyId, ctx) => Object.entries(ctx.options.keys).find(([id]) => keyId.startsWith(id))?.[1] },
    caughtBy: ['pos.probe.key-id.suffixed'],
  },
  {
    name: 'user-agent-case-insensitive',
    title: 'User-Agent is matched case-insensitively (viopay-pos/ passes)',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: {
      checkDeviceHeaders: (req, ctx) => {
        const ua = header(req, HEADER.userAgent);
        const folded = ua?.toLowerCase().startsWith(USER_AGENT_PREFIX.toLowerCase()) ? USER_AGENT_PREFIX + ua.slice(USER_AGENT_PREFIX.length) : ua;
        return ref.checkDeviceHeaders({ ...req, headers: { ...req.headers, 'user-agent': folded } }, ctx);
      },
    },
    caughtBy: ['pos.probe.device.user-agent-lower-case'],
  },
  {
    name: 'user-agent-contains',
    title: 'User-Agent only has to contain Viopay-POS/ somewhere',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: {
      checkDeviceHeaders: (req, ctx) => {
        const ua = header(req, HEADER.userAgent) ?? '';
        const at = ua.indexOf(USER_AGENT_PREFIX);
        return ref.checkDeviceHeaders({ ...req, headers: { ...req.headers, 'user-agent': at >= 0 ? ua.slice(at) : ua } }, ctx);
      },
    },
    caughtBy: ['pos.probe.device.user-agent-browser-prefix'],
  },
  {
    name: 'client-type-case-insensitive',
    title: 'X-Client-Type is matched case-insensitively (POS passes)',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: {
      checkDeviceHeaders: (req, ctx) => ref.checkDeviceHeaders({ ...req, headers: { ...req.headers, 'x-client-type': header(req, HEADER.clientType)?.toLowerCase() } }, ctx),
    },
    caughtBy: ['pos.probe.device.client-type-upper-case'],
  },
  {
    name: 'client-type-prefix',
    title: 'X-Client-Type only has to start with pos',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: {
      checkDeviceHeaders: (req, ctx) => {
        const type = header(req, HEADER.clientType);
        return ref.checkDeviceHeaders({ ...req, headers: { ...req.headers, 'x-client-type': type?.startsWith(CLIENT_TYPE) ? CLIENT_TYPE : type } }, ctx);
      },
    },
    caughtBy: ['pos.probe.device.client-type-suffixed'],
  },
  {
    name: 'terminal-id-prefix-match',
    title: 'X-Terminal-Id finds a terminal whose id it starts with',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: { findTerminal: (id, ctx) => (id ? ctx.options.terminals.find((t) => id.startsWith(t.id)) : undefined) },
    caughtBy: ['pos.probe.device.terminal-id-suffixed'],
  },
  {
    name: 'terminal-id-case-insensitive',
    title: 'X-Terminal-Id is looked up case-insensitively',
    clause: '1.1/device-headers',
    level: 'MUST',
    rules: { findTerminal: (id, ctx) => ctx.options.terminals.find((t) => t.id.toLowerCase() === id?.toLowerCase()) },
    caughtBy: ['pos.probe.device.terminal-id-lower-case'],
  },
  {
    name: 'timestamp-zone-optional',
    title: 'An X-Timestamp without a zone designator is read as UTC',
    clause: '1.2/timestamp-reject',
    level: 'MUST',
    rules: { checkTimestamp: windowWith((text) => parseRfc3339(/[Zz]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`)) },
    caughtBy: ['pos.probe.timestamp.no-zone'],
  },
  {
    name: 'timestamp-offset-ignored',
    title: "An X-Timestamp's offset is ignored: its digits are read as UTC",
    clause: '1.2/timestamp-reject',
    level: 'MUST',
    rules: { checkTimestamp: windowWith((text) => parseRfc3339(text.replace(/[+-]\d\d:\d\d$/, 'Z'))) },
    caughtBy: ['pos.probe.timestamp.offset-ignored-plus', 'pos.probe.timestamp.offset-ignored-minus'],
  },
  {
    name: 'timestamp-date-parse',
    title: 'X-Timestamp is read with Date.parse: RFC 1123 dates, basic offsets and missing seconds pass',
    clause: '1.2/timestamp-reject',
    level: 'MUST',
    rules: { checkTimestamp: windowWith((text) => (/^\d+$/.test(text) ? null : Date.parse(text))) },
    caughtBy: ['pos.probe.timestamp.http-date', 'pos.probe.timestamp.basic-offset'],
  },
  {
    name: 'nonce-unicode-letters',
    title: 'X-Nonce may hold any Unicode letter or digit (é passes)',
    clause: '1.2/nonce-format',
    level: 'MUST',
    rules: { checkNonceFormat: (nonce) => (/^[\p{L}\p{N}]{12,}$/u.test(nonce) ? null : reject.unauthorized('bad nonce')) },
    caughtBy: ['pos.probe.nonce.latin-letter'],
  },
  {
    name: 'nonce-replay-with-timestamp',
    title: 'The replay store keys a nonce with its timestamp: the same nonce re-signed at another second passes',
    clause: '1.2/nonce-replay',
    level: 'MUST',
    rules: { checkNonceReplay: replayStore((keyId, nonce, timestamp) => `${keyId}\n${nonce}\n${timestamp}`, TEN_MINUTES) },
    caughtBy: ['pos.nonce.replay-resigned-fresh-timestamp'],
  },
  {
    name: 'nonce-replay-last-1000',
    title: 'The replay store keeps only the last 1,000 nonces',
    clause: '1.2/nonce-replay',
    level: 'MUST',
    rules: { checkNonceReplay: replayStore((keyId, nonce) => `${keyId}\n${nonce}`, TEN_MINUTES, 1000) },
    caughtBy: ['pos.nonce.replay-after-many-requests'],
  },
  {
    name: 'nonce-replay-one-second',
    title: 'The replay store forgets a nonce after one second (a TTL in the wrong unit)',
    clause: '1.2/nonce-replay',
    level: 'MUST',
    rules: { checkNonceReplay: replayStore((keyId, nonce) => `${keyId}\n${nonce}`, 1000) },
    caughtBy: ['pos.nonce.replay-after-seconds'],
  },
  {
    name: 'nonce-forgotten-after-refusal',
    title: 'The nonce of a verified request that was then refused (bad body, unknown charge) can be used again',
    clause: '1.2/nonce-replay',
    level: 'MUST',
    rules: { nonceAfterAnswer: (keyId, nonce, status, ctx) => void (status !== 200 && ctx.store.nonces.get(keyId)?.delete(nonce)) },
    caughtBy: ['pos.nonce.replay-after-refused-body', 'pos.nonce.replay-after-unknown-charge'],
  },
  {
    name: 'nonce-format-after-trim',
    title: 'X-Nonce is checked after removing characters that are not letters or digits',
    clause: '1.2/nonce-format',
    level: 'MUST',
    rules: { checkNonceFormat: (nonce) => (NONCE_PATTERN.test(nonce.replace(/[^A-Za-z0-9]/g, '')) ? null : reject.unauthorized('bad nonce')) },
    caughtBy: ['pos.probe.nonce.suffixed-punctuation'],
  },
  {
    name: 'envelope-lenient-hex',
    title: "Envelope hex is decoded leniently (Node's Buffer.from): an odd digit or trailing junk is dropped",
    clause: '1.3/malformed-envelope',
    level: 'MUST',
    rules: {
      openRequestBody: (body, msk) => {
        const envelope = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        const lenient = (field: string) => {
          const bytes = Buffer.from(String(envelope[field] ?? ''), 'hex');
          return bytes.toString('hex').toUpperCase();
        };
        if (typeof envelope.initialization_vector === 'string') envelope.initialization_vector = lenient('initialization_vector');
        if (typeof envelope.ciphertext === 'string') envelope.ciphertext = lenient('ciphertext');
        return open(Buffer.from(JSON.stringify(envelope)), msk);
      },
    },
    caughtBy: ['pos.probe.envelope.iv-33-digits', 'pos.probe.envelope.iv-trailing-junk', 'pos.probe.envelope.ciphertext-trailing-junk'],
  },
  {
    name: 'oversized-body-500',
    title: 'A request body over 1 MiB is answered 500',
    clause: '1.4/no-5xx',
    level: 'MUST',
    rules: { oversizedBody: () => ({ status: 500, code: '5000', message: 'body too large' }) },
    caughtBy: ['pos.errors.no-5xx-1-mib-body'],
  },
  {
    name: 'charge-id-prefix-lookup',
    title: 'A charge is found by any id that starts with its id (a prefix lookup)',
    clause: '1.7/cancel-refused',
    level: 'MUST',
    rules: { findCharge: (chargeId, ctx) => [...ctx.store.charges.values()].find((c) => chargeId.startsWith(c.id)) },
    caughtBy: ['pos.lifecycle.charge-id-near-miss-cancel', 'pos.lifecycle.charge-id-near-miss-refund'],
  },
  {
    name: 'charge-id-substring-lookup',
    title: 'A charge is found by any id that contains its id',
    clause: '1.7/cancel-refused',
    level: 'MUST',
    rules: { findCharge: (chargeId, ctx) => [...ctx.store.charges.values()].find((c) => chargeId.includes(c.id)) },
    caughtBy: ['pos.lifecycle.charge-id-near-miss-cancel'],
  },
  {
    name: 'idempotency-key-case-insensitive',
    title: 'Idempotency-Key is compared case-insensitively: a key in another case repeats the first charge',
    clause: '1.5/idempotent-repeat',
    level: 'MUST',
    rules: { idempotentCharge: (scope, print, create, ctx) => ref.idempotentCharge(scope.toLowerCase(), print, create, ctx) },
    caughtBy: ['pos.idempotency.keys-differing-in-case'],
  },
  {
    name: 'idempotency-key-prefix',
    title: 'An Idempotency-Key that starts with an earlier key repeats that charge',
    clause: '1.5/idempotent-repeat',
    level: 'MUST',
    rules: {
      idempotentCharge: (scope, print, create, ctx) => {
        const earlier = [...ctx.store.idempotency.keys()].find((known) => scope.startsWith(known));
        return ref.idempotentCharge(earlier ?? scope, print, create, ctx);
      },
    },
    caughtBy: ['pos.idempotency.key-extended'],
  },
  {
    name: 'amount-read-as-float',
    title: 'amount.value is read as a floating-point number (and up to 18 digits are taken): 9007199254740993 comes back 9007199254740992',
    clause: '1.5/charge-answer',
    level: 'MUST',
    rules: {
      checkAmount: (amount) => (/^[1-9][0-9]{0,17}$/.test(amount.value) ? null : ref.checkAmount(amount)),
      readPlaintext: (schema, plaintext) => {
        const read = ref.readPlaintext(schema, plaintext) as { amount?: { value?: unknown } };
        if (typeof read.amount?.value === 'string' && /^[0-9]+$/.test(read.amount.value)) read.amount.value = String(Number(read.amount.value));
        return read;
      },
    },
    caughtBy: ['pos.amounts.beyond-float-precision-echoed'],
  },
  {
    name: 'refund-lock-forgets-queue',
    title: "The charge's lock is dropped when its first holder finishes, though others still queue: a later refund runs beside one of them",
    clause: '1.6/refund-total-concurrent',
    level: 'MUST',
    rules: { withChargeLock: (chargeId, work, ctx) => forgetfulLock(ctx.store).run(chargeId, work) },
    caughtBy: ['pos.refund.total-concurrent-waves'],
    // The next wave must arrive while a queued refund is still at the acquirer: a slow acquirer
    // (200 ms, as real ones can be) keeps that window open on a loaded machine.
    conditions: { gatewayLatencyMs: 200 },
  },
  {
    name: 'response-iv-counter',
    title: 'Answers are sealed under a counter IV (distinct, but not random)',
    clause: '1.3/fresh-iv',
    level: 'SHOULD',
    rules: {
      responseIv: () => {
        counter += 1n;
        const iv = Buffer.alloc(16);
        iv.writeBigUInt64BE(counter, 8);
        return iv;
      },
    },
    caughtBy: ['prop.envelope.random-iv'],
  },
];
