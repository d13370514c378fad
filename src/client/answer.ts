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

/**
 * `answer` with its `exchange` recorded (redacted, bounded) when first read, not when it came: most
 * answers are never shown, only a failure's, and a burst or a 1,100-request step records one.
 */
export function withExchange<T extends object>(answer: T, record: () => Exchange): T & { exchange: Exchange } {
  let exchange: Exchange | undefined;
  return Object.defineProperty(answer, 'exchange', {
    enumerable: true,
    configurable: true,
    get: () => (exchange ??= record()),
    set: (value: Exchange) => {
      exchange = value;
    },
  }) as T & { exchange: Exchange };
}
