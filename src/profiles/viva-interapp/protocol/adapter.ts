/**
 * The HTTP adapter of PROFILE 3 through which the harness reaches a terminal implementation:
 * `POST {base_url}/interapp` with `{"uri": "<request URI>"}` answers `{"callback": "<callback URI>"}`.
 */

export const INTERAPP_PATH = '/interapp';

/** What the adapter is sent. */
export interface AdapterRequest {
  uri: string;
}

/** The callback URI in an adapter's answer body, or why there is none. */
export function callbackOfBody(body: string): { ok: true; callback: string } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: `the adapter's answer is not JSON (${Buffer.byteLength(body)} bytes)` };
  }
  const callback = (json as { callback?: unknown } | null)?.callback;
  if (typeof callback !== 'string') return { ok: false, problem: 'the adapter\'s answer has no "callback" string (PROFILE 3: {"callback": "<callback URI>"})' };
  return { ok: true, callback };
}
