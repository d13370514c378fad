/**
 * The client for VPWS (PROFILE section 2): `POST /vpws/payment/cancel` with a dealer's Bearer token
 * and a JSON body. Answers come back parsed and checked against the response wrapper's schema on
 * every status (PROFILE 2: the body always has that shape), with the exchange kept (the token
 * masked) for reports.
 */
import { formatIssues, validate } from '../schemas/validator';
import type { AnswerProblem } from './decode';
import { recordExchange } from './exchange';
import type { Answer } from './pos-client';
import { sendRecorded } from './send-recorded';
import type { TransportOptions } from './transport';
import type { WireRequest } from './wire';

export interface VpwsCredentials {
  baseUrl: string;
  /** The two dealers' tokens (PROFILE 2: the target gives the harness one for each). Never printed. */
  tokens: { dealer_a: string; dealer_b: string };
}

/** Whose token to send: a dealer's, none, an invalid one, or this exact value. */
export type TokenChoice = 'dealer_a' | 'dealer_b' | 'none' | 'invalid' | { value: string };

export interface VpwsCancel {
  /** null leaves the field out. */
  referenceCode?: string | null;
  reason?: string;
}

export const VPWS_CANCEL_PATH = '/vpws/payment/cancel';

export class VpwsClient {
  constructor(
    readonly credentials: VpwsCredentials,
    private readonly options: TransportOptions = {},
  ) {}

  private authorization(token: TokenChoice): string | undefined {
    if (token === 'none') return undefined;
    if (token === 'invalid') return 'Bearer paycert-not-a-valid-token';
    return `Bearer ${typeof token === 'object' ? token.value : this.credentials.tokens[token]}`;
  }

  /** The request a cancel sends (built apart from sending, like the POS client's). */
  build(cancel: VpwsCancel, token: TokenChoice = 'dealer_a', rawBody?: string): WireRequest {
    const body: Record<string, unknown> = {};
    if (cancel.referenceCode !== null && cancel.referenceCode !== undefined) body.referenceCode = cancel.referenceCode;
    if (cancel.reason !== undefined) body.reason = cancel.reason;
    const headers: Array<[string, string]> = [['Content-Type', 'application/json']];
    const auth = this.authorization(token);
    if (auth !== undefined) headers.push(['Authorization', auth]);
    return { method: 'POST', path: VPWS_CANCEL_PATH, query: '', headers, body: Buffer.from(rawBody ?? JSON.stringify(body)), plaintext: body };
  }

  /** @throws TransportError (with `exchange`) when no answer came. */
  async send(wire: WireRequest): Promise<Answer> {
    const baseUrl = this.credentials.baseUrl;
    const response = await sendRecorded(baseUrl, wire, this.options);
    const problems: AnswerProblem[] = [];
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch {
      problems.push({ kind: 'not-json', message: `body is not JSON (${response.body.length} bytes)` });
    }
    if (json !== undefined) {
      const result = validate('vpws-response', json);
      if (!result.ok) problems.push({ kind: 'schema', schema: 'vpws-response', message: `the VPWS response shape: ${formatIssues(result.errors)}` });
    }
    const answer: Answer = { status: response.status, headers: response.headers, problems, wire: { request: wire, response }, exchange: recordExchange(baseUrl, wire, response), shapeOnEveryStatus: true };
    if (json !== undefined) {
      answer.json = json;
      answer.plaintext = json;
    }
    return answer;
  }

  cancel(cancel: VpwsCancel, token: TokenChoice = 'dealer_a', rawBody?: string): Promise<Answer> {
    return this.send(this.build(cancel, token, rawBody));
  }
}
