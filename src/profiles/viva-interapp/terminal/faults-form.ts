/**
 * Faults of a terminal's reading of the request's form (PROFILE 3): the request URI, the AADE
 * parameters' formats, the flags, a zero amount, and the messages of those refusals. Each switches
 * one rule the way a real implementation gets it almost right: a URI matched by prefix, a base64
 * decoder that skips junk and reads base64url (Node's `Buffer.from`), fields counted with Java's
 * `split`, an empty parameter counted as given, a falsy amount read as no amount.
 */
import { URI_CHECKS } from '../protocol/lint/registry';
import type { UriCheck } from '../protocol/lint/uri-check';
import { AADE_FIELDS, REQUEST_HOST, REQUEST_PATH, REQUEST_SCHEME } from '../protocol/request';
import { firstValues, type QueryPair } from '../protocol/uri';
import { validateWith, type TerminalFault } from './fault-types';
import { firstMustProblem, referenceTerminalRules as ref, type TerminalRules } from './rules';

/** `text` read as `expected` when it starts with it: a `startsWith` check. */
const byPrefix = (text: string, expected: string) => (text.startsWith(expected) ? expected : text);

/** The first value of each name, the signature as Node's `Buffer.from(s, 'base64')` reads it: junk skipped, base64url taken. */
function signatureReadByBuffer(pairs: readonly QueryPair[]): ReturnType<TerminalRules['readParameters']> {
  const read = firstValues(pairs);
  const signature = read.fields.aadeProviderSignature;
  if (!signature) return read;
  return { ...read, fields: { ...read.fields, aadeProviderSignature: Buffer.from(signature, 'base64').toString('base64') } };
}

/** The first value of each name, an amount of zeros left out: `Number(amount) || everythingLeft`. */
function zeroAmountAbsent(pairs: readonly QueryPair[]): ReturnType<TerminalRules['readParameters']> {
  const read = firstValues(pairs);
  if (read.fields.amount === undefined || !/^0+$/.test(read.fields.amount)) return read;
  const fields = { ...read.fields };
  delete fields.amount;
  return { ...read, fields };
}

/** The request checks with `ids` answering an empty message. */
function silenced(ids: readonly string[]): UriCheck[] {
  return URI_CHECKS.map((check) =>
    ids.includes(check.id)
      ? { ...check, run: (request, ctx) => { const outcome = check.run(request, ctx); return 'problems' in outcome ? { problems: outcome.problems.map(() => '') } : outcome; } }
      : check,
  );
}
const SILENT_FORM_CHECKS = silenced(['viva.request.uri', 'viva.request.aade-signature-base64', 'viva.request.aade-signature-data']);

export const FORM_FAULTS: readonly TerminalFault[] = [
  {
    name: 'viva-request-uri-unchecked',
    title: 'The request URI\'s scheme, host and path are not checked (any xyz://a/b is a cancel request)',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.uri': null }) },
    caughtBy: ['viva.probe.request-uri.scheme-suffixed', 'viva.probe.request-uri.host-other', 'viva.probe.request-uri.path-v2'],
  },
  {
    name: 'viva-request-uri-by-prefix',
    title: 'The scheme, host and path are matched with startsWith: vivapayclientx://payx/v10 passes',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: {
      validateRequest: (request, ctx) =>
        ref.validateRequest({ ...request, scheme: byPrefix(request.scheme, REQUEST_SCHEME), host: byPrefix(request.host, REQUEST_HOST), path: byPrefix(request.path, REQUEST_PATH) }, ctx),
    },
    caughtBy: ['viva.probe.request-uri.scheme-suffixed', 'viva.probe.request-uri.host-suffixed', 'viva.probe.request-uri.path-v10'],
  },
  {
    name: 'viva-aade-signature-lenient-base64',
    title: "aadeProviderSignature is decoded by Node's Buffer.from: junk inside is skipped and base64url is taken, then it verifies",
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { readParameters: signatureReadByBuffer },
    caughtBy: ['viva.probe.aade-format.signature-junk', 'viva.probe.aade-format.signature-url-safe'],
  },
  {
    name: 'viva-aade-data-count-unchecked',
    title: 'aadeProviderSignatureData is only verified, never counted: 7 or 9 fields pass when signed',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.aade-signature-data': null }) },
    caughtBy: ['viva.probe.aade-format.data-7-fields', 'viva.probe.aade-format.data-9-fields'],
  },
  {
    name: 'viva-aade-data-java-split',
    title: 'aadeProviderSignatureData is counted as Java\'s split counts it: trailing empty fields dropped, so "...;TID;" has 8',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.aade-signature-data': (f) => ({ ...f, aadeProviderSignatureData: f.aadeProviderSignatureData?.replace(/;+$/, '') }) }) },
    caughtBy: ['viva.probe.aade-format.data-trailing-separator'],
  },
  {
    name: 'viva-aade-empty-counted-present',
    title: 'An empty AADE parameter counts as given for the all-three-or-none rule, and the format checks skip empty values: an empty signature passes',
    clause: '3/terminal-refuses-bad-request',
    level: 'MUST',
    rules: {
      validateRequest: validateWith({
        'viva.request.aade-complete': (f) => ({ ...f, ...Object.fromEntries(AADE_FIELDS.filter((name) => f[name] === '').map((name) => [name, 'given'])) }),
      }),
    },
    caughtBy: ['viva.probe.aade-format.signature-empty', 'viva.probe.aade-format.data-empty'],
  },
  {
    name: 'viva-amount-zero-full-refund',
    title: 'amount=0 is read as no amount (a falsy number): the whole payment is refunded',
    clause: '3/request-amount',
    level: 'MUST',
    rules: { readParameters: zeroAmountAbsent },
    caughtBy: ['viva.refund.zero-amount'],
  },
  {
    name: 'viva-flags-true-refused',
    title: 'show_receipt=true is refused (the adapter has no receipt screen to show)',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.flags': (f) => ({ ...f, show_receipt: f.show_receipt === 'true' ? 'unsupported' : f.show_receipt }) }) },
    caughtBy: ['viva.cancel.flags-true'],
  },
  {
    name: 'viva-flags-required',
    title: 'A request without show_transaction_result is refused, as the seed\'s own sample request is (the flag must be "true" or "false", absent is neither)',
    clause: '3/callback-fields',
    level: 'MUST',
    rules: { validateRequest: validateWith({ 'viva.request.flags': (f) => ({ ...f, show_transaction_result: f.show_transaction_result ?? '' }) }) },
    caughtBy: ['viva.cancel.seed-sample'],
  },
  {
    name: 'viva-form-refusals-no-message',
    title: 'Refusals of a wrong request URI, a non-base64 AADE signature or signature data without 8 fields carry an empty message',
    clause: '3/callback-failure-message',
    level: 'SHOULD',
    rules: { validateRequest: (request, ctx) => firstMustProblem(request, ctx, SILENT_FORM_CHECKS) },
    caughtBy: ['viva.probe.failure-message.aade-signature-not-base64', 'viva.probe.failure-message.aade-data-7-fields', 'viva.probe.failure-message-uri.scheme'],
  },
];
