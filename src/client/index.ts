/** The client side of the harness: the signed client, the transport, exchanges, redaction (what a profile's client builds on). */
export { PosClient, type Answer, type CallOptions, type ClientOptions } from './pos-client';
export type { RequestBreaks, EnvelopeBreaks, BodyFormatting } from './breaks';
export type { PosCredentials } from './credentials';
export { buildRequest, newNonce, type RequestSpec } from './build';
export { TransportError, type TransportFailure } from './transport';
export { toCurl, type Exchange } from './exchange';
export type { AnswerProblem, ErrorBody } from './decode';
export { redactBody, redactText, redactValue } from './redact';
export { sampleCharge, sampleRefund } from './fixtures';
export type { WireRequest, WireResponse } from './wire';
