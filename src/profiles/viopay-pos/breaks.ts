/** The `break:` of a step (snake_case YAML) as the client's RequestBreaks. */
import type { RequestBreaks } from '../../client/breaks';
import type { CanonicalParts } from '../../crypto/canonical';
import type { YamlBreaks } from './step-types';

const PART_NAMES: Record<string, keyof CanonicalParts> = {
  method: 'method', path: 'path', query: 'query', body: 'body', terminal_id: 'terminalId', timestamp: 'timestamp', nonce: 'nonce',
};

export function toRequestBreaks(y: YamlBreaks | undefined): RequestBreaks {
  if (!y) return {};
  const b: RequestBreaks = {};
  if (y.headers) b.headers = y.headers;
  if (y.terminal_id !== undefined) b.terminalId = y.terminal_id;
  if (y.timestamp !== undefined) {
    b.timestamp = typeof y.timestamp === 'string' ? y.timestamp : { skewSeconds: y.timestamp.skew, ...(y.timestamp.form && { form: y.timestamp.form }) };
  }
  if (y.nonce !== undefined) b.nonce = y.nonce;
  if (y.key_id !== undefined) b.keyId = y.key_id;
  if (y.signature) {
    const over: Partial<CanonicalParts> = {};
    for (const [k, v] of Object.entries(y.signature.over ?? {})) (over as Record<string, string>)[PART_NAMES[k] ?? k] = v;
    b.signature = {};
    if (y.signature.over) b.signature.over = over;
    if (y.signature.secret !== undefined) b.signature.secret = y.signature.secret;
    if (y.signature.prefix !== undefined) b.signature.prefix = y.signature.prefix;
    if (y.signature.value !== undefined) b.signature.value = y.signature.value;
  }
  if (y.method !== undefined) b.method = y.method;
  if (y.path !== undefined) b.path = y.path;
  if (y.query !== undefined) b.query = y.query;
  if (y.body) b.body = { ...(y.body.spacing && { spacing: y.body.spacing }), ...(y.body.key_order && { keyOrder: y.body.key_order }) };
  if (y.envelope) {
    const e = y.envelope;
    b.envelope = {
      ...(e.format !== undefined && { format: e.format }),
      ...(e.mode !== undefined && { mode: e.mode }),
      ...(e.iv_bytes !== undefined && { ivBytes: e.iv_bytes }),
      ...(e.iv !== undefined && { iv: e.iv }),
      ...(e.hex_case && { hexCase: e.hex_case }),
      ...(e.padding && { padding: e.padding }),
      ...(e.truncate_ciphertext_digits !== undefined && { truncateCiphertextDigits: e.truncate_ciphertext_digits }),
      ...(e.ciphertext !== undefined && { ciphertext: e.ciphertext }),
      ...(e.non_hex_ciphertext && { nonHexCiphertext: true }),
      ...(e.extra_fields && { extraFields: e.extra_fields }),
    };
  }
  if (y.plaintext_body) b.plaintextBody = true;
  if (y.plaintext_text !== undefined) b.plaintextBytes = Buffer.from(y.plaintext_text, 'utf8');
  if (y.plaintext_hex !== undefined) b.plaintextBytes = Buffer.from(y.plaintext_hex, 'hex');
  if (y.raw_body !== undefined) b.rawBody = y.raw_body;
  if (y.body_bytes !== undefined) b.bodyBytes = y.body_bytes;
  if (y.near_miss) b.nearMiss = { ...y.near_miss };
  return b;
}
