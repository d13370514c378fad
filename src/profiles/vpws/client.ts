/**
 * The client for VPWS (PROFILE section 2): `POST /vpws/payment/cancel` with a dealer's Bearer token
 * and a JSON body. Answers come back parsed and checked against the response wrapper's schema on
 * every status (PROFILE 2: the body always has that shape), with the exchange kept for reports.
 * A request can also carry the token almost right (2/token-exact's near misses: another case, a
 * character more or less, another scheme, in the query or the body); wherever it goes, every
 * form of a dealer's token is masked in the exchange.
 */
import { formatIssues } from '../../schemas/validator';
import { VPWS_SCHEMAS } from './schemas';
import { parseJson, truncationProblem, type AnswerProblem } from '../../client/decode';
import { recordExchange, type Exchange } from '../../client/exchange';
import type { Answer } from '../../client/pos-client';
import { withExchange } from '../../client/answer';
import { sendRecorded } from '../../client/send-recorded';
import type { TransportOptions } from '../../client/transport';
import type { WireRequest } from '../../client/wire';
import { StepNotApplicable } from '../../scenario/step-errors';

export interface VpwsCredentials {
  baseUrl: string;
  /** The two dealers' tokens (PROFILE 2: the target gives the harness one for each). Never printed. */
  tokens: { dealer_a: string; dealer_b: string };
}

/** Whose token to send: a dealer's, none, an invalid one, or this exact value. */
export type TokenChoice = 'dealer_a' | 'dealer_b' | 'none' | 'invalid' | { value: string };

/**
 * A near miss of the token: one character more, the last one less, or another case. A case change
 * that leaves the token as it is (no letter of that case) takes the other case; a token without
 * letters cannot change case at all (`VpwsProbeNotApplicable`).
 */
export type TokenChange = 'append-char' | 'drop-last-char' | 'upper-case' | 'lower-case';

/** Where else the token goes: the query (`access_token=`), the body (`access_token`), or an `X-Access-Token` header. */
export type TokenPlace = 'query' | 'body' | 'x-access-token';

export interface VpwsCancel {
  /** null leaves the field out. */
  referenceCode?: string | null;
  reason?: string;
}

export interface VpwsSendOptions {
  /** Whose token `{token}` is (default dealer_a); `none` sends no Authorization header. */
  token?: TokenChoice;
  /** The Authorization header exactly, `{token}` standing for the token; null sends none. Default `Bearer {token}`. */
  authorization?: string | null;
  tokenChange?: TokenChange;
  /** Also put the token there. */
  tokenIn?: TokenPlace;
  /** Send exactly this body. */
  rawBody?: string;
  /** Pad `reason` so the JSON body is this many bytes (a huge body). */
  bodyBytes?: number;
  /** Another method or path (default POST /vpws/payment/cancel). */
  method?: string;
  path?: string;
}

/** The request cannot be made for this target (its token has no letter to change the case of): the check is skipped. */
export class VpwsProbeNotApplicable extends StepNotApplicable {
  override readonly name = 'VpwsProbeNotApplicable';
}

export const VPWS_CANCEL_PATH = '/vpws/payment/cancel';
const INVALID_TOKEN = 'paycert-not-a-valid-token';
const MASK = '[redacted]';

/** The token with its near miss applied. @throws VpwsProbeNotApplicable */
export function changeToken(token: string, change: TokenChange | undefined): string {
  if (change === undefined) return token;
  if (change === 'append-char') return `${token}x`;
  if (change === 'drop-last-char') return [...token].slice(0, -1).join('');
  const [first, second] = change === 'upper-case' ? [token.toUpperCase(), token.toLowerCase()] : [token.toLowerCase(), token.toUpperCase()];
  const changed = first !== token ? first : second;
  if (changed === token) throw new VpwsProbeNotApplicable('the dealer token has no letter, so it has no other case to send');
  return changed;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every form of the tokens a near miss may send (whole or cut by one character, in any
 * case, raw or %-encoded) by `[redacted]`, longest first.
 */
export function tokenMasker(tokens: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const token of tokens.filter((t) => t.length > 0)) {
    const cut = [...token].slice(0, -1).join('');
    for (const form of [token, cut]) if (form.length >= 4) for (const written of [form, encodeURIComponent(form)]) forms.add(written);
  }
  if (forms.size === 0) return (text) => text;
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'gi');
  return (text) => text.replace(pattern, MASK);
}

/** A deep copy of an exchange with `mask` applied to every string in it. */
function maskExchange(exchange: Exchange, mask: (text: string) => string): Exchange {
  return JSON.parse(JSON.stringify(exchange, (_key, value: unknown) => (typeof value === 'string' ? mask(value) : value))) as Exchange;
}

export class VpwsClient {
  private readonly mask: (text: string) => string;

  constructor(
    readonly credentials: VpwsCredentials,
    private readonly options: TransportOptions = {},
  ) {
    this.mask = tokenMasker([credentials.tokens.dealer_a, credentials.tokens.dealer_b]);
  }

  private tokenOf(choice: TokenChoice): string | undefined {
    if (choice === 'none') return undefined;
    if (choice === 'invalid') return INVALID_TOKEN;
    return typeof choice === 'object' ? choice.value : this.credentials.tokens[choice];
  }

  /** The request a cancel sends (built apart from sending, like the POS client's). @throws VpwsProbeNotApplicable */
  build(cancel: VpwsCancel, options: VpwsSendOptions = {}): WireRequest {
    const raw = this.tokenOf(options.token ?? 'dealer_a');
    const token = raw === undefined ? undefined : changeToken(raw, options.tokenChange);
    const body: Record<string, unknown> = {};
    if (cancel.referenceCode !== null && cancel.referenceCode !== undefined) body.referenceCode = cancel.referenceCode;
    if (cancel.reason !== undefined) body.reason = cancel.reason;
    if (options.tokenIn === 'body' && token !== undefined) body.access_token = token;
    if (options.bodyBytes !== undefined) {
      const bare = Buffer.byteLength(JSON.stringify({ ...body, reason: '' }));
      body.reason = 'x'.repeat(Math.max(0, options.bodyBytes - bare));
    }
    const headers: Array<[string, string]> = [['Content-Type', 'application/json']];
    const template = options.authorization === undefined ? 'Bearer {token}' : options.authorization;
    // No token (`none`) leaves out a header that needs one; a template without {token} is sent as written.
    if (template !== null && (token !== undefined || !template.includes('{token}'))) headers.push(['Authorization', template.split('{token}').join(token ?? '')]);
    if (options.tokenIn === 'x-access-token' && token !== undefined) headers.push(['X-Access-Token', token]);
    const query = options.tokenIn === 'query' && token !== undefined ? `access_token=${encodeURIComponent(token)}` : '';
    return { method: options.method ?? 'POST', path: options.path ?? VPWS_CANCEL_PATH, query, headers, body: Buffer.from(options.rawBody ?? JSON.stringify(body)), plaintext: body };
  }

  /** The request as a report may show it: every form of a dealer token masked. */
  private shown(wire: WireRequest): WireRequest {
    return { ...wire, query: this.mask(wire.query), headers: wire.headers.map(([name, value]) => [name, this.mask(value)]), body: Buffer.from(this.mask(wire.body.toString('utf8'))) };
  }

  /** @throws TransportError (with `exchange`, masked) when no answer came. */
  async send(wire: WireRequest): Promise<Answer> {
    const baseUrl = this.credentials.baseUrl;
    // Without an answer, the TransportError's exchange is the shown request: masked already.
    const response = await sendRecorded(baseUrl, wire, this.options, this.shown(wire));
    const problems: AnswerProblem[] = [];
    const cut = truncationProblem(response);
    if (cut) problems.push(cut);
    // The start of an answer is not an answer: it is not parsed.
    const parsed = cut ? undefined : parseJson(response.body);
    if (!cut && !parsed) problems.push({ kind: 'not-json', message: `body is not JSON (${response.body.length} bytes)` });
    const json = parsed?.value;
    if (json !== undefined) {
      const result = VPWS_SCHEMAS.validate('vpws-response', json);
      if (!result.ok) problems.push({ kind: 'schema', schema: 'vpws-response', message: `the VPWS response shape: ${formatIssues(result.errors)}` });
    }
    // A target may echo what it was sent (a token in an error text): the exchange is masked whole.
    const answer: Answer = withExchange({ status: response.status, headers: response.headers, problems, wire: { request: wire, response }, shapeOnEveryStatus: true }, () =>
      maskExchange(recordExchange(baseUrl, this.shown(wire), response), this.mask),
    );
    if (json !== undefined) {
      answer.json = json;
      answer.plaintext = json;
    }
    return answer;
  }

  /** @throws VpwsProbeNotApplicable, TransportError */
  cancel(cancel: VpwsCancel, options: VpwsSendOptions = {}): Promise<Answer> {
    return this.send(this.build(cancel, options));
  }
}
