/**
 * PROFILE 3, the terminal side: a terminal refuses, with a failure callback, a request that breaks
 * a request MUST, and cancels nothing then. These are the near misses of the rules the obvious
 * checks (specs/viva-interapp/refuse.spec.yaml) leave alone: a request URI almost `vivapayclient://pay/v1`
 * (a scheme, host or path matched by prefix or not at all), and AADE parameters whose format is
 * almost right but whose signature verifies over what is sent, so that only the format rule can
 * refuse them (a base64 decoder that skips junk or reads base64url, a field count taken with
 * Java's `split`). Each asks for the whole amount of a payment, so a terminal that takes the near
 * miss answers success.
 */
import type { ProbeFamily } from '../src/probe/family';
import { registerProbesWhenRunByJest } from '../src/probe/jest-entry';
import type { Expect } from '../src/scenario/types';

/** Every 4xx: the adapter's own refusals, which PROFILE gives no form (decision I12). */
export const ADAPTER_REFUSAL_STATUSES: number[] = Array.from({ length: 100 }, (_, i) => 400 + i);

/**
 * A request URI that is not `vivapayclient://pay/v1` is refused with a failure callback, or by the
 * adapter itself with any 4xx and no callback (decision I32: the phone's OS hands a terminal no
 * other URI, so an adapter may turn it away before the terminal sees it).
 */
export const FOREIGN_URI_REFUSAL: Expect = {
  any_body: true,
  any_of: [{ fields: { status: { not: 'success' } } }, { status: ADAPTER_REFUSAL_STATUSES, any_body: true }],
};

const payment = (amount: number) => [{ state: { name: 'viva transaction exists', params: { amount, daysAgo: 1 } }, as: 'pay' }];

export const requestUri: ProbeFamily = {
  id: 'viva.probe.request-uri',
  profile: 'viva-interapp',
  clause: '3/terminal-refuses-bad-request',
  level: 'MUST',
  subject: 'A refund of a whole payment asked by a request URI',
  tags: ['viva', 'refuse', 'near-miss'],
  needs: ['state_hook'],
  setup: payment(1100),
  step: { viva_cancel: { orderCode: '${pay.orderCode}', amount: 1100 } },
  refused: FOREIGN_URI_REFUSAL,
  accepted: { fields: { status: 'success', amount: '1100' } },
  cases: [
    { name: 'scheme-suffixed', title: 'vivapayclientx://pay/v1 (a scheme matched by prefix)', with: { viva_cancel: { uri_base: 'vivapayclientx://pay/v1' } } },
    { name: 'scheme-prefixed', title: 'xvivapayclient://pay/v1 (a scheme matched by its end)', with: { viva_cancel: { uri_base: 'xvivapayclient://pay/v1' } } },
    { name: 'host-suffixed', title: 'vivapayclient://payx/v1 (a host matched by prefix)', with: { viva_cancel: { uri_base: 'vivapayclient://payx/v1' } } },
    { name: 'host-other', title: 'vivapayclient://refund/v1 (another host)', with: { viva_cancel: { uri_base: 'vivapayclient://refund/v1' } } },
    { name: 'path-v2', title: 'vivapayclient://pay/v2 (another version)', with: { viva_cancel: { uri_base: 'vivapayclient://pay/v2' } } },
    { name: 'path-v10', title: 'vivapayclient://pay/v10 (a path matched by prefix)', with: { viva_cancel: { uri_base: 'vivapayclient://pay/v10' } } },
    { name: 'path-missing', title: 'vivapayclient://pay (no path)', with: { viva_cancel: { uri_base: 'vivapayclient://pay' } } },
  ],
};

export const aadeFormat: ProbeFamily = {
  id: 'viva.probe.aade-format',
  profile: 'viva-interapp',
  clause: '3/terminal-refuses-bad-request',
  level: 'MUST',
  subject: 'A refund of a whole payment with the AADE parameters, whose',
  tags: ['viva', 'refuse', 'aade', 'near-miss'],
  needs: ['state_hook'],
  setup: payment(1300),
  step: { viva_cancel: { orderCode: '${pay.orderCode}', amount: 1300, aade: 'signed' } },
  refused: { fields: { status: { not: 'success' } } },
  accepted: { fields: { status: 'success', amount: '1300' } },
  cases: [
    {
      name: 'signature-junk',
      title: 'aadeProviderSignature has a * inside (a decoder that skips it, like Node\'s Buffer.from or Python\'s b64decode, verifies the rest)',
      with: { viva_cancel: { aade: 'signature-junk' } },
    },
    {
      name: 'signature-url-safe',
      title: 'aadeProviderSignature is base64url, - and _ for + and / (Node\'s Buffer.from reads it and verifies)',
      with: { viva_cancel: { aade: 'signature-url-safe' } },
    },
    {
      name: 'signature-empty',
      title: 'aadeProviderSignature is empty, beside aadeProviderId and signed data',
      description: 'An empty signature is refused whether a terminal reads it as absent (a partial set) or as present (no signature; decision I35).',
      with: { viva_cancel: { aadeProviderSignature: '' } },
    },
    { name: 'data-7-fields', title: 'aadeProviderSignatureData has 7 fields (signed)', with: { viva_cancel: { aade: 'data-7-fields' } } },
    { name: 'data-9-fields', title: 'aadeProviderSignatureData has 9 fields (signed)', with: { viva_cancel: { aade: 'data-9-fields' } } },
    {
      name: 'data-trailing-separator',
      title: 'aadeProviderSignatureData ends with ";": 9 fields, the last empty (Java\'s split counts 8; signed)',
      with: { viva_cancel: { aade: 'data-trailing-separator' } },
    },
    {
      name: 'data-empty-field',
      title: 'aadeProviderSignatureData has its third field (date and time) empty: only the second, MARK, may be (signed)',
      with: { viva_cancel: { aade: 'data-empty-field' } },
    },
    {
      name: 'data-empty',
      title: 'aadeProviderSignatureData is empty, beside aadeProviderId and a signature',
      description: 'Empty signature data is refused whether a terminal reads it as absent (a partial set) or as present (no 8 fields; decision I35).',
      with: { viva_cancel: { aadeProviderSignatureData: '' } },
    },
  ],
};

export default [requestUri, aadeFormat];

registerProbesWhenRunByJest(__filename, [requestUri, aadeFormat]);
