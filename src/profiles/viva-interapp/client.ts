/**
 * The client for a Viva terminal (PROFILE section 3), reached through its HTTP adapter: it builds
 * a request URI from the defaults and a step's fields, POSTs `{"uri"}` to `{base_url}/interapp`
 * and reads the `{"callback"}` answer. Every answer is judged for the callback rules that hold
 * whatever the scenario (scheme, host, field formats, the fields of a success) and recorded with
 * the merchantKey and any card number redacted.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readProviderPrivateKey } from './protocol/aade';
import { callbackOfBody, INTERAPP_PATH } from './protocol/adapter';
import { callbackProblems, parseCallbackUri, type CallbackExpectation, type CallbackProblem } from './protocol/callback';
import { AADE_FIELDS, buildRequestUri, DEFAULT_PROTOCOL, redactUri, REQUEST_BASE, type RequestField } from './protocol/request';
import { aadeFieldsFor, type AadeMode } from './client-aade';
import { truncationProblem } from '../../client/decode';
import { recordExchange } from '../../client/exchange';
import type { Answer } from '../../client/pos-client';
import { sendRecorded } from '../../client/send-recorded';
import type { TransportOptions } from '../../client/transport';
import type { WireRequest } from '../../client/wire';

export interface VivaCredentials {
  baseUrl: string;
  /** Never printed: requests are recorded with `merchantKey=[redacted]`. */
  merchantKey: string;
  appId: string;
  aadeProviderId: string;
  /** The AADE provider's private key the requests are signed with. Never printed. */
  aadeKey: KeyObject;
}

/** The callback scheme a request asks for unless a step names another. */
export const DEFAULT_CALLBACK_SCHEME = 'paycert-callback';

export interface VivaCancel {
  /** Request parameters over the defaults; null leaves a parameter out. */
  fields?: Partial<Record<RequestField, string | null>>;
  /**
   * Adds the three AADE parameters, signed by the provider key, with a signature that does not
   * verify, or as a near miss of their format (viva-aade.ts); `fields` apply over them, so a null
   * there leaves one out (a partial set, still signed).
   */
  aade?: AadeMode;
  /**
   * The request URI's `scheme://host/path` instead of `vivapayclient://pay/v1`: a URI no terminal
   * may take (PROFILE 3), which its adapter refuses (decision I32).
   */
  base?: string;
  /**
   * Raw query text (`name=value&...`) put before, or after, the built parameters, verbatim: a
   * parameter the request already has is then repeated, or a value is sent unescaped.
   */
  prependQuery?: string;
  appendQuery?: string;
}

/** A built request: the bytes to send, the request URI they carry, and what its callback must look like. */
export interface VivaRequestWire {
  wire: WireRequest;
  uri: string;
  expected: CallbackExpectation;
}

export class VivaClient {
  constructor(
    readonly credentials: VivaCredentials,
    private readonly options: TransportOptions = {},
  ) {}

  /** The request URI's parameters: the defaults, then AADE, then the step's fields over them. */
  private fieldsOf(cancel: VivaCancel): Partial<Record<RequestField, string>> {
    const { merchantKey, appId } = this.credentials;
    const merged: Partial<Record<RequestField, string | null>> = {
      merchantKey, appId, action: 'cancel', callback: DEFAULT_CALLBACK_SCHEME, protocol: DEFAULT_PROTOCOL, show_receipt: 'false', show_transaction_result: 'false',
      ...(cancel.aade && aadeFieldsFor(cancel.aade, cancel.fields?.amount, { providerId: this.credentials.aadeProviderId, key: this.credentials.aadeKey })),
      ...cancel.fields,
    };
    return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined));
  }

  /** The adapter request for a cancel (built apart from sending, like the other clients'). */
  build(cancel: VivaCancel = {}): VivaRequestWire {
    const fields = this.fieldsOf(cancel);
    const uri = withRawQuery(buildRequestUri(fields, cancel.base ?? REQUEST_BASE), cancel.prependQuery, cancel.appendQuery);
    const wire: WireRequest = {
      method: 'POST', path: INTERAPP_PATH, query: '',
      headers: [['Content-Type', 'application/json']],
      body: Buffer.from(JSON.stringify({ uri })),
    };
    // A success callback owes aadeTransactionId only to a request that carried the whole AADE set.
    return { wire, uri, expected: { scheme: fields.callback ?? '', aade: AADE_FIELDS.every((name) => fields[name]) } };
  }

  /** @throws TransportError (with `exchange`) when no answer came. */
  async send({ wire, uri, expected }: VivaRequestWire): Promise<Answer> {
    const baseUrl = this.credentials.baseUrl;
    // The recorded request carries `merchantKey=[redacted]`; its replay says so.
    const shown: WireRequest = { ...wire, body: Buffer.from(JSON.stringify({ uri: redactUri(uri) })) };
    const response = await sendRecorded(baseUrl, wire, this.options, shown);
    const answer: Answer = { status: response.status, headers: response.headers, problems: [], wire: { request: wire, response }, exchange: recordExchange(baseUrl, shown, response), shapeOnEveryStatus: true };
    const cut = truncationProblem(response);
    // The start of an answer is not an answer: no callback is read from it.
    if (cut) return { ...answer, problems: [cut] };
    const text = response.body.toString('utf8');
    try {
      answer.json = JSON.parse(text);
    } catch {
      // callbackOfBody says so below
    }
    const read = callbackOfBody(text);
    if (!read.ok) return withProblem(answer, { clause: '3/adapter', message: read.problem });
    const parsed = parseCallbackUri(read.callback);
    if (!parsed.ok) return withProblem(answer, { clause: '3/callback-fields', message: `the callback is not a URI: ${parsed.problem}` });
    const { scheme, host, fields } = parsed.callback;
    answer.callback = { uri: read.callback, scheme, host };
    answer.plaintext = fields;
    for (const problem of callbackProblems(parsed.callback, expected)) withProblem(answer, problem);
    return answer;
  }

  cancel(cancel: VivaCancel = {}): Promise<Answer> {
    return this.send(this.build(cancel));
  }
}

/**
 * A client from a target's settings. Without the provider key the terminal trusts, requests are
 * signed with a key made here: well-formed, verifiable by nobody (the checks that need a trusted
 * key are skipped then).
 */
export function vivaClientFor(
  baseUrl: string,
  settings: { merchantKey: string; appId: string; aadeProviderId: string; aadePrivateKeyPem?: string },
  options: TransportOptions = {},
): VivaClient {
  const aadeKey = settings.aadePrivateKeyPem ? readProviderPrivateKey(settings.aadePrivateKeyPem) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const { merchantKey, appId, aadeProviderId } = settings;
  return new VivaClient({ baseUrl, merchantKey, appId, aadeProviderId, aadeKey }, options);
}

/** `uri` with raw query text before and after its parameters (empty parts left out). */
function withRawQuery(uri: string, prepend: string | undefined, append: string | undefined): string {
  if (!prepend && !append) return uri;
  const at = uri.indexOf('?');
  const [base, query] = at < 0 ? [uri, ''] : [uri.slice(0, at), uri.slice(at + 1)];
  return `${base}?${[prepend, query, append].filter((part) => part).join('&')}`;
}

/** Adds a broken rule to the answer's problems, the clause named in its message. */
function withProblem(answer: Answer, { clause, message }: CallbackProblem): Answer {
  answer.problems.push({ kind: 'callback', clause, message: `${message} (PROFILE ${clause})` });
  return answer;
}
