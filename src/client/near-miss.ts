/**
 * Near misses: values that are almost right. A conformant target must refuse each (or, for the
 * liberties PROFILE allows, accept it); an implementation that gets a rule *almost* right
 * (a prefix match, a case-folded compare, a lenient base64 decoder, a canonical string that
 * trims or re-renders an element) accepts one of them. This is the mutation library the probe
 * families (probes/) are generated from: a near miss is data, so a family declares which kinds
 * apply to an element and what PROFILE answers each, and every kind is written once, here.
 */
import type { CanonicalParts } from '../crypto/canonical';
import { formatRfc3339Millis, formatRfc3339Offset, formatRfc3339Seconds, parseRfc3339 } from '../profile/rfc3339';

/** What a near miss changes: a header, a canonical element, or the canonical string as a whole. */
export type NearMissElement =
  | 'method'
  | 'path'
  | 'query'
  | 'body'
  | 'X-Terminal-Id'
  | 'X-Timestamp'
  | 'X-Nonce'
  | 'X-Key-Id'
  | 'User-Agent'
  | 'X-Client-Type'
  | 'X-Signature'
  | 'canonical'
  /** A field of the request envelope, changed before the body is written and signed. */
  | 'envelope.format'
  | 'envelope.mode'
  | 'envelope.initialization_vector'
  | 'envelope.ciphertext';

/** The envelope field a near miss names, or undefined. */
export function envelopeFieldOf(element: NearMissElement): string | undefined {
  return element.startsWith('envelope.') ? element.slice('envelope.'.length) : undefined;
}

/** The signed elements, by the CanonicalParts field they fill. */
export const CANONICAL_FIELD: Partial<Record<NearMissElement, keyof CanonicalParts>> = {
  method: 'method',
  path: 'path',
  query: 'query',
  body: 'body',
  'X-Terminal-Id': 'terminalId',
  'X-Timestamp': 'timestamp',
  'X-Nonce': 'nonce',
};

/**
 * How a value is almost right. String kinds apply to any element; the others to the elements
 * named in their comment.
 */
export type NearMissKind =
  /** Left out: a header not sent; an element left out of the canonical string (six elements). */
  | 'removed'
  | 'empty'
  | 'upper-case'
  | 'lower-case'
  /** First letter upper case, the rest lower case. */
  | 'capitalised'
  /** `text` put before the value. */
  | 'prefixed'
  /** `text` put after the value. */
  | 'suffixed'
  /** `count` characters cut off the end. */
  | 'truncated'
  /** `text` put inside the value, before character `count` (negative: from the end). */
  | 'inserted'
  /** `text` (whitespace) put on both sides. */
  | 'padded'
  /** Whitespace around the value taken away (the body). */
  | 'trimmed'
  /** Exactly `text`. */
  | 'replaced'
  /** X-Signature: the MAC in base64url (`-` and `_`), padding kept. */
  | 'base64url'
  /** X-Signature: the MAC in hex. */
  | 'hex'
  /** X-Signature: the MAC with `count` bytes added (zeros) or, negative, cut. */
  | 'mac-length'
  /** X-Signature: the prefix `v1=` replaced by `text`. */
  | 'prefix'
  /** X-Timestamp: the same instant in another form (`text`: a TimestampRendering). */
  | 'rendered'
  /** body: the JSON parsed and written again compactly. */
  | 'reserialised'
  /** body: the plaintext JSON instead of the envelope (the seeds' code samples sign it). */
  | 'plaintext'
  /** query: parameters in reverse order. */
  | 'reordered'
  /** query, path: %XX escapes decoded. */
  | 'decoded'
  /** canonical: elements joined with `text` instead of a newline. */
  | 'separator'
  /** canonical: the elements `text` (two names, comma-separated) swapped. */
  | 'swapped';

/** Ways to write an instant (X-Timestamp) that a target reads differently. */
export type TimestampRendering =
  | 'seconds'
  | 'fraction'
  | 'micros'
  | 'nanos'
  | 'offset'
  | 'offset-half-hour'
  | 'zero-offset'
  /** Not RFC 3339: */
  | 'no-zone'
  | 'date-only'
  | 'basic-offset'
  | 'no-seconds'
  | 'http-date'
  | 'utc-word'
  /** The local time of the instant in `offset` form, but with the offset's sign flipped (another instant). */
  | 'wrong-offset-sign'
  /** The UTC digits of the instant written with a +05:00 offset (another instant, 5 h earlier). */
  | 'offset-ignored-plus'
  /** The UTC digits of the instant written with a -05:00 offset (another instant, 5 h later). */
  | 'offset-ignored-minus';

/** One near miss: which element, how, and on which side of the signature. */
export interface NearMiss {
  element: NearMissElement;
  kind: NearMissKind;
  text?: string;
  count?: number;
  /**
   * `both` (default): sent and signed as changed, so the request stays consistently signed and
   * the target judges the value itself. `signed`: only the canonical string changes (the
   * signature covers a value that was not sent). `sent`: only the wire changes, after signing.
   */
  in?: 'both' | 'signed' | 'sent';
}

function renderTimestamp(value: string, rendering: TimestampRendering): string {
  const at = parseRfc3339(value) ?? Date.now();
  const seconds = formatRfc3339Seconds(at);
  const digits = seconds.slice(0, 19);
  switch (rendering) {
    case 'seconds':
      return seconds;
    case 'fraction':
      return formatRfc3339Millis(at);
    case 'micros':
      return `${digits}.123456Z`;
    case 'nanos':
      return `${digits}.123456789Z`;
    case 'offset':
      return formatRfc3339Offset(at, 120);
    case 'offset-half-hour':
      return formatRfc3339Offset(at, 330);
    case 'zero-offset':
      return `${digits}+00:00`;
    case 'no-zone':
      return digits;
    case 'date-only':
      return digits.slice(0, 10);
    case 'basic-offset':
      return `${digits}+0000`;
    case 'no-seconds':
      return `${digits.slice(0, 16)}Z`;
    case 'http-date':
      return new Date(at).toUTCString();
    case 'utc-word':
      return `${digits} UTC`;
    case 'wrong-offset-sign':
      return formatRfc3339Offset(at, 120).replace(/\+(\d\d:\d\d)$/, '-$1');
    case 'offset-ignored-plus':
      return `${digits}+05:00`;
    case 'offset-ignored-minus':
      return `${digits}-05:00`;
  }
}

function reorderQuery(query: string): string {
  return query.split('&').reverse().join('&');
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

/**
 * The near-miss form of a text value; `undefined` for `removed` (no value at all). Kinds that
 * need the MAC or the canonical string (X-Signature, canonical) are applied by the builder.
 */
export function nearMissText(value: string, miss: NearMiss): string | undefined {
  switch (miss.kind) {
    case 'removed':
      return undefined;
    case 'empty':
      return '';
    case 'upper-case':
      return value.toUpperCase();
    case 'lower-case':
      return value.toLowerCase();
    case 'capitalised':
      return capitalise(value);
    case 'prefixed':
      return `${miss.text ?? 'x'}${value}`;
    case 'suffixed':
      return `${value}${miss.text ?? 'x'}`;
    case 'truncated':
      return value.slice(0, Math.max(0, value.length - (miss.count ?? 1)));
    case 'inserted': {
      const at = miss.count ?? Math.floor(value.length / 2);
      const index = at < 0 ? Math.max(0, value.length + at) : Math.min(value.length, at);
      return `${value.slice(0, index)}${miss.text ?? ' '}${value.slice(index)}`;
    }
    case 'padded':
      return `${miss.text ?? ' '}${value}${miss.text ?? ' '}`;
    case 'trimmed':
      return value.trim();
    case 'replaced':
      return miss.text ?? '';
    case 'rendered':
      return renderTimestamp(value, (miss.text ?? 'seconds') as TimestampRendering);
    case 'reserialised':
      return JSON.stringify(JSON.parse(value));
    case 'reordered':
      return reorderQuery(value);
    case 'decoded':
      return decodePercent(value);
    default:
      throw new Error(`near miss ${miss.kind} does not apply to ${miss.element}`);
  }
}

/** The `X-Signature` value for a MAC, as a near miss of kind base64url, hex, mac-length or prefix writes it. */
export function nearMissSignature(mac: Buffer, valid: string, miss: NearMiss): string | undefined {
  const encoded = valid.slice(valid.indexOf('=') + 1);
  switch (miss.kind) {
    case 'base64url':
      return `v1=${encoded.replace(/\+/g, '-').replace(/\//g, '_')}`;
    case 'hex':
      return `v1=${mac.toString('hex')}`;
    case 'mac-length': {
      const count = miss.count ?? 1;
      const bytes = count >= 0 ? Buffer.concat([mac, Buffer.alloc(count)]) : mac.subarray(0, mac.length + count);
      return `v1=${bytes.toString('base64')}`;
    }
    case 'prefix':
      return `${miss.text ?? ''}${encoded}`;
    default:
      return nearMissText(valid, miss);
  }
}

/** The canonical bytes with a whole-string near miss: elements left out, swapped, or joined otherwise. */
export function nearMissCanonical(parts: CanonicalParts, miss: NearMiss): Buffer {
  const order: Array<keyof CanonicalParts> = ['method', 'path', 'query', 'body', 'terminalId', 'timestamp', 'nonce'];
  let fields = order;
  if (miss.kind === 'removed' && miss.element !== 'canonical') fields = order.filter((f) => f !== CANONICAL_FIELD[miss.element]);
  if (miss.kind === 'swapped') {
    const [a, b] = (miss.text ?? '').split(',') as [keyof CanonicalParts, keyof CanonicalParts];
    fields = order.map((f) => (f === a ? b : f === b ? a : f));
  }
  const separator = Buffer.from(miss.kind === 'separator' ? (miss.text ?? '\r\n') : '\n', 'utf8');
  const pieces = fields.map((f) => (typeof parts[f] === 'string' ? Buffer.from(parts[f] as string, 'utf8') : Buffer.from(parts[f])));
  const joined = Buffer.concat(pieces.flatMap((piece, i) => (i === 0 ? [piece] : [separator, piece])));
  if (miss.element === 'canonical' && miss.kind === 'suffixed') return Buffer.concat([joined, Buffer.from(miss.text ?? '\n', 'utf8')]);
  if (miss.element === 'canonical' && miss.kind === 'prefixed') return Buffer.concat([Buffer.from(miss.text ?? '\n', 'utf8'), joined]);
  return joined;
}

/** Whether a near miss changes the canonical string's structure rather than one element's value. */
export function changesCanonicalShape(miss: NearMiss): boolean {
  return miss.element === 'canonical' || (miss.kind === 'removed' && (miss.in ?? 'both') === 'signed');
}
