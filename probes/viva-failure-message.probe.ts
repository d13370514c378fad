/**
 * PROFILE 3: a failure callback SHOULD carry a message (decision I33: present and not empty). One
 * case per kind of refused request, each breaking a request MUST, so that every refusal path of a
 * terminal is judged, not only the ones the MUST checks take. The requests name no payment, so no
 * state hook is needed: a terminal that searches before it validates answers "not found", which
 * must carry a message too. Message texts are never compared.
 */
import type { ProbeFamily } from '../src/probe/family';
import { registerProbesWhenRunByJest } from '../src/probe/jest-entry';
import { ADAPTER_REFUSAL_STATUSES } from './viva-request.probe';

const NO_PAYMENT = { orderCode: '0000000000000000', amount: 100 };

export const failureMessage: ProbeFamily = {
  id: 'viva.probe.failure-message',
  profile: 'viva-interapp',
  clause: '3/callback-failure-message',
  level: 'SHOULD',
  subject: 'The failure callback carries a non-empty message for a request whose',
  tags: ['viva', 'callback', 'near-miss'],
  step: { viva_cancel: NO_PAYMENT },
  refused: { fields: { status: { not: 'success' }, message: { non_empty: true } } },
  accepted: { fields: { status: 'success' } },
  cases: [
    { name: 'merchant-key-missing', title: 'merchantKey is missing', with: { viva_cancel: { merchantKey: null } } },
    { name: 'merchant-key-empty', title: 'merchantKey is empty', with: { viva_cancel: { merchantKey: '' } } },
    { name: 'app-id-empty', title: 'appId is empty', with: { viva_cancel: { appId: '' } } },
    { name: 'action-missing', title: 'action is missing', with: { viva_cancel: { action: null } } },
    { name: 'amount-empty', title: 'amount is empty', with: { viva_cancel: { amount: '' } } },
    { name: 'amount-not-digits', title: 'amount is 6.00', with: { viva_cancel: { amount: '6.00' } } },
    { name: 'date-malformed', title: 'txnDateFrom is a date alone', with: { viva_cancel: { txnDateFrom: '2020-01-01' } } },
    { name: 'date-to-alone', title: 'txnDateTo comes without txnDateFrom', with: { viva_cancel: { txnDateTo: '2099-01-01T00:00:00.000+0000' } } },
    { name: 'flag-not-boolean', title: 'show_receipt is yes', with: { viva_cancel: { show_receipt: 'yes' } } },
    { name: 'repeated-param', title: 'amount appears twice', with: { viva_cancel: { append_query: 'amount=100' } } },
    { name: 'aade-partial', title: 'AADE parameters come without aadeProviderSignature', with: { viva_cancel: { aade: 'signed', aadeProviderSignature: null } } },
    { name: 'aade-signature-empty', title: 'aadeProviderSignature is empty', with: { viva_cancel: { aade: 'signed', aadeProviderSignature: '' } } },
    { name: 'aade-signature-not-base64', title: 'aadeProviderSignature has a * inside', with: { viva_cancel: { aade: 'signature-junk' } } },
    { name: 'aade-data-7-fields', title: 'aadeProviderSignatureData has 7 fields', with: { viva_cancel: { aade: 'data-7-fields' } } },
  ],
};

/** A request URI that is not vivapayclient://pay/v1: an adapter that turns it away with a 4xx has no callback to carry a message (decision I32). */
export const failureMessageUri: ProbeFamily = {
  id: 'viva.probe.failure-message-uri',
  profile: 'viva-interapp',
  clause: '3/callback-failure-message',
  level: 'SHOULD',
  subject: 'A failure callback, when the adapter answers one, carries a non-empty message for a request URI',
  tags: ['viva', 'callback', 'near-miss'],
  step: { viva_cancel: NO_PAYMENT },
  refused: {
    any_body: true,
    any_of: [{ fields: { status: { not: 'success' }, message: { non_empty: true } } }, { status: ADAPTER_REFUSAL_STATUSES, any_body: true }],
  },
  accepted: { fields: { status: 'success' } },
  cases: [
    { name: 'scheme', title: 'vivapayclientx://pay/v1', with: { viva_cancel: { uri_base: 'vivapayclientx://pay/v1' } } },
    { name: 'host', title: 'vivapayclient://payx/v1', with: { viva_cancel: { uri_base: 'vivapayclient://payx/v1' } } },
    { name: 'path', title: 'vivapayclient://pay/v2', with: { viva_cancel: { uri_base: 'vivapayclient://pay/v2' } } },
  ],
};

export default [failureMessage, failureMessageUri];

registerProbesWhenRunByJest(__filename, [failureMessage, failureMessageUri]);
