/**
 * The URLs paycert sends requests to (a config's base_url and state_url, `--target`), checked
 * before use: http or https, a host, a port from 1 to 65535, nothing a request line cannot
 * carry. Node's URL parser alone throws a bare `TypeError: Invalid URL` for most of these, and
 * accepts some that no request can go to (a port of 0, a space in the host).
 */

/** Why `text` cannot be the URL of a target or its state hook, in words, or null when it can. */
export function httpUrlProblem(text: string): string | null {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  if (!scheme) return 'is not a URL: it must start with http:// or https://';
  if (!/^https?$/i.test(scheme[1]!)) return `has the scheme ${scheme[1]}: only http:// and https:// are spoken`;
  // A control character, a space or a backslash has no place in a URL paycert writes on a request line.
  if (/[\u0000-\u0020\u007f\\]/.test(text)) return 'holds a space, a control character or a backslash';
  const rest = text.slice(scheme[0].length);
  const authority = /^[^/?#]*/.exec(rest)![0];
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const parts = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort);
  const host = parts?.[1] ?? '';
  const port = parts?.[2];
  if (host === '') return 'has no host';
  if (port !== undefined && port !== '') {
    if (!/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return `has the port "${port}": a port is a number from 1 to 65535`;
  }
  try {
    new URL(text);
  } catch {
    return `has a host that is not one ("${host}")`;
  }
  return null;
}

/** Why `text` cannot be a base URL (a prefix of every request's path), or null. */
export function baseUrlProblem(text: string): string | null {
  const problem = httpUrlProblem(text);
  if (problem) return problem;
  // The transport keeps only the path of a base URL: a query or fragment would silently vanish.
  if (/[?#]/.test(text)) return 'has a query or fragment: a base URL is scheme, host, port and an optional path';
  return null;
}
