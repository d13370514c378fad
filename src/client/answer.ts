/** What every client of the harness returns for one request: the answer as the expectations of a scenario judge it. */
import type { Decoded } from './decode';
import type { Exchange } from './exchange';
import type { WireRequest, WireResponse } from './wire';

export interface Answer extends Decoded {
  status: number;
  headers: Record<string, string>;
  /** The body's shape is checked on every status, not only on 200 (a profile whose every answer has one wrapper). */
  shapeOnEveryStatus?: boolean;
  wire: { request: WireRequest; response: WireResponse };
  exchange: Exchange;
  /** An answer that is a callback URI (a terminal's), and its parts (its fields are the plaintext). */
  callback?: { uri: string; scheme: string; host: string };
}
