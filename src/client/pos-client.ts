/**
 * The signed client for any Viopay POS target: one call per operation, a raw call, and the
 * RequestBreaks to break any part of a request on purpose. Every answer comes back decrypted,
 * schema-checked and with its redacted exchange for reports.
 */
import { PATHS } from '../profile/pos';
import type { SchemaName } from '../schemas/validator';
import type { RequestBreaks } from './breaks';
import { buildRequest, type RequestSpec } from './build';
import type { PosCredentials } from './credentials';
import { withExchange, type Answer } from './answer';
import { decodeAnswer } from './decode';
import { recordExchange } from './exchange';
import { sendRecorded } from './send-recorded';
import type { TransportOptions } from './transport';
import type { WireRequest } from './wire';

export interface CallOptions {
  idempotencyKey?: string;
  breaks?: RequestBreaks;
}

export type { Answer } from './answer';

export interface ClientOptions extends TransportOptions {
  /** The client's clock (epoch ms). */
  now?: () => number;
  /** Added to the clock so timestamps are relative to the target's clock (from its `Date`). */
  clockOffsetMs?: number;
}

export class PosClient {
  constructor(
    readonly credentials: PosCredentials,
    private readonly options: ClientOptions = {},
  ) {}

  /** The target-aligned clock. */
  now(): number {
    return (this.options.now ?? Date.now)() + (this.options.clockOffsetMs ?? 0);
  }

  /** Moves the clock to match the target's (see the `Date` header of any answer). */
  setClockOffset(ms: number): void {
    this.options.clockOffsetMs = ms;
  }

  charge(plaintext: unknown, options: CallOptions = {}): Promise<Answer> {
    return this.call({ method: 'POST', path: PATHS.charge, plaintext, ...idem(options) }, options.breaks, 'charge-response');
  }

  refund(chargeId: string, plaintext: unknown, options: CallOptions = {}): Promise<Answer> {
    return this.call({ method: 'POST', path: PATHS.refund(encodeURIComponent(chargeId)), plaintext }, options.breaks, 'refund-response');
  }

  cancel(chargeId: string, options: CallOptions = {}): Promise<Answer> {
    return this.call({ method: 'POST', path: PATHS.cancel(encodeURIComponent(chargeId)) }, options.breaks, 'cancel-response');
  }

  reverse(chargeId: string, options: CallOptions = {}): Promise<Answer> {
    return this.call({ method: 'POST', path: PATHS.reverse(encodeURIComponent(chargeId)) }, options.breaks, 'cancel-response');
  }

  /** Any method and path, signed like the rest; the 200 plaintext is checked against `schema` if given. */
  raw(spec: RequestSpec, options: CallOptions & { schema?: SchemaName } = {}): Promise<Answer> {
    return this.call(spec, options.breaks, options.schema);
  }

  /** The request a call would send, without sending it. */
  build(spec: RequestSpec, breaks?: RequestBreaks): WireRequest {
    return buildRequest(spec, this.credentials, breaks, this.now());
  }

  /**
   * Sends a built request and decodes the answer.
   * @throws TransportError when no answer came (refused, reset, timeout); its `exchange` holds the request.
   */
  async send(request: WireRequest, schema?: SchemaName): Promise<Answer> {
    const baseUrl = this.credentials.baseUrl;
    const response = await sendRecorded(baseUrl, request, this.options);
    const decoded = decodeAnswer(response, this.credentials, schema);
    return withExchange({ ...decoded, status: response.status, headers: response.headers, wire: { request, response } }, () => recordExchange(baseUrl, request, response, decoded.plaintext));
  }

  private call(spec: RequestSpec, breaks: RequestBreaks | undefined, schema?: SchemaName): Promise<Answer> {
    return this.send(this.build(spec, breaks), schema);
  }
}

function idem(options: CallOptions): { idempotencyKey?: string } {
  return options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey };
}
