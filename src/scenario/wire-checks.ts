/**
 * What can go where on an HTTP request, for the input rules (./input-rules.ts) of every profile:
 * each function returns why `text` cannot be sent there, or null. A profile's operations call
 * them on the texts they put on the wire (src/profiles/scenario-side.ts, `inputProblems`).
 */

/** RFC 9110 token: a method or a header name. */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What node:http puts in a header value: tab, visible ASCII and Latin-1; never CR, LF or NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** What node:http puts on the request line as path and query: no space, no control character. */
const REQUEST_LINE = /^[\x21-\x7e\x80-\xff]*$/;

/** Why a header value cannot be sent, or null. */
export function headerValueProblem(text: string): string | null {
  if (HEADER_VALUE.test(text)) return null;
  if (/[\r\n]/.test(text)) return 'a header value cannot hold CR or LF (it would end the header and start another)';
  if (text.includes('\0')) return 'a header value cannot hold NUL';
  return 'a header value holds tab, visible characters and Latin-1 only (no control character)';
}

/** Why a header name cannot be sent, or null. */
export function headerNameProblem(name: string): string | null {
  return TOKEN.test(name) ? null : `header name ${JSON.stringify(name)} is not an HTTP token: letters, digits and !#$%&'*+-.^_\`|~ only`;
}

/** Why a method cannot be sent, or null. */
export function methodProblem(text: string): string | null {
  return TOKEN.test(text) ? null : `method ${JSON.stringify(text)} is not an HTTP method: letters, digits and !#$%&'*+-.^_\`|~ only`;
}

/** Why a path or query (`what`) cannot go on the request line, or null. */
export function requestLineProblem(what: string, text: string): string | null {
  return REQUEST_LINE.test(text) ? null : `a ${what} goes on the request line: no space, CR, LF, NUL or other control character (percent-encode them, e.g. %20)`;
}
