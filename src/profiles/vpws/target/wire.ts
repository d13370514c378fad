/**
 * How the VPWS target writes an answer on the wire, with the liberties any HTTP implementation may
 * take (src/target-kit/http.ts's WireLiberties) and one of its own: amounts written as the seed's
 * example writes them (`0.0`), which JSON.stringify never does.
 */
import type { ServerResponse } from 'node:http';
import { traceId, writeJsonBody } from '../../../target-kit/http';
import type { VpwsLiberties } from './options';

/** `"lastAmount": 150` becomes `"lastAmount": 150.0`; other numbers and fractional amounts are left as they are. */
export function withDecimalAmounts(json: string): string {
  return json.replace(/("lastAmount"\s*:\s*-?\d+)(?=\s*[,}\n])/g, '$1.0');
}

/** The JSON text of a body as the liberties write it. */
export function vpwsJsonText(body: unknown, liberties: VpwsLiberties): string {
  const text = writeJsonBody(body, liberties);
  return liberties.decimalAmounts ? withDecimalAmounts(text) : text;
}

/** Writes a JSON answer. */
export function sendVpwsJson(res: ServerResponse, status: number, body: unknown, liberties: VpwsLiberties, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(vpwsJsonText(body, liberties), 'utf8');
  const all: Record<string, string> = { 'Content-Type': liberties.charsetInContentType ? 'application/json; charset=utf-8' : 'application/json', ...headers };
  if (!liberties.chunked) all['Content-Length'] = String(payload.length);
  if (liberties.connectionClose) all.Connection = 'close';
  if (liberties.extraHeaders) Object.assign(all, { 'X-Request-Id': traceId(), 'Cache-Control': 'no-store', Server: 'paycert-vpws-variation/1.0' });
  res.writeHead(status, all);
  if (liberties.chunked) {
    // Two chunks, so a client that reads only the first one sees half a body.
    const half = Math.floor(payload.length / 2);
    res.write(payload.subarray(0, half));
    res.end(payload.subarray(half));
  } else res.end(payload);
}
