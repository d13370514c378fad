/**
 * Splitting an inter-app URI (`scheme://host/path?query`) without a URL parser's web rules.
 *
 * Why not `URL`/`URLSearchParams`: they read `+` in a query as a space (form encoding). The seed's
 * own samples put a literal `+0300` offset and base64 (`+`, `/`, `=`) in the query unencoded and
 * mean them literally, so here `+` stays `+`; only `%XX` escapes are decoded.
 */

/** One `name=value` pair of the query, decoded, with its position among the pairs. */
export interface QueryPair {
  name: string;
  value: string;
  index: number;
}

export interface SplitUri {
  scheme: string;
  host: string;
  path: string;
  /** The query's pairs in order (a name may repeat). */
  pairs: QueryPair[];
}

/** Why a text is not a URI at all, or which part of it is malformed. */
export type UriSyntaxResult = { ok: true; uri: SplitUri } | { ok: false; problem: string };

const URI_PATTERN = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;

/** Splits `text` into scheme, host, path and decoded query pairs. */
export function splitUri(text: string): UriSyntaxResult {
  const match = URI_PATTERN.exec(text);
  if (!match) return { ok: false, problem: 'not a URI of the form scheme://host/path?query' };
  const [, scheme, host, path, query] = match as unknown as [string, string, string, string, string | undefined];
  const pairs: QueryPair[] = [];
  const parts = query === undefined || query === '' ? [] : query.split('&');
  for (const [index, part] of parts.entries()) {
    if (part === '') continue; // `a=1&&b=2`: an empty pair carries nothing
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const name = decode(rawName);
    const value = decode(rawValue);
    if (name === undefined || value === undefined) {
      return { ok: false, problem: `query parameter ${index + 1} ("${rawName}") has a malformed %-escape` };
    }
    pairs.push({ name, value, index });
  }
  return { ok: true, uri: { scheme: scheme.toLowerCase(), host, path, pairs } };
}

/** Decodes `%XX` escapes only (not `+`); undefined when an escape is malformed. */
export function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Encodes a query value the way the seed writes one: unreserved characters and the ones its
 * samples leave as they are (`+ / = ; : .`) stay; everything else is %-escaped.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(2B|2F|3D|3B|3A)/g, (escape) => decodeURIComponent(escape));
}

/** Builds `scheme://host/path?name=value&...` from pairs, in the order given. */
export function joinUri(base: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  if (pairs.length === 0) return base;
  return `${base}?${pairs.map(([name, value]) => `${encodeQueryValue(name)}=${encodeQueryValue(value)}`).join('&')}`;
}

/** The `[name, value]` pairs of `fields` in `order`, leaving out the undefined ones. */
export function pairsInOrder(order: readonly string[], fields: Readonly<Record<string, string | undefined>>): Array<readonly [string, string]> {
  return order.flatMap((name) => (fields[name] === undefined ? [] : [[name, fields[name]!] as const]));
}

/** Each name's first value, and the names given more than once. */
export function firstValues(pairs: readonly QueryPair[]): { fields: Record<string, string>; repeated: string[] } {
  // No prototype: a parameter named "constructor" or "__proto__" is a name like any other.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const repeated = new Set<string>();
  for (const { name, value } of pairs) {
    if (Object.hasOwn(fields, name)) repeated.add(name);
    else fields[name] = value;
  }
  return { fields, repeated: [...repeated] };
}
