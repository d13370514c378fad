/**
 * Sending with the record a report needs when no answer comes: every profile's client
 * throws the TransportError with the request it sent as an `exchange`, so a failure can still
 * show what was sent and how to replay it.
 */
import { recordExchange } from './exchange';
import { send, TransportError, type TransportOptions } from './transport';
import type { WireRequest, WireResponse } from './wire';

/**
 * Sends `wire`; `shown` is the request as a report may show it (a client may hide a secret the
 * request carries in its URI or body). @throws TransportError, with `exchange`, when no answer came.
 */
export async function sendRecorded(baseUrl: string, wire: WireRequest, options: TransportOptions, shown: WireRequest = wire): Promise<WireResponse> {
  try {
    return await send(baseUrl, wire, options);
  } catch (error) {
    if (error instanceof TransportError) {
      const exchange = recordExchange(baseUrl, shown);
      exchange.transportError = `${error.kind}: ${error.message}`;
      throw Object.assign(error, { exchange });
    }
    throw error;
  }
}
