import { decodeSignature, verifyAadeSignature } from '../../aade';
import { problems, type UriCheck } from '../uri-check';

/** Needs the provider's public key; without one it says so rather than pass silently. */
export const aadeSignatureValid: UriCheck = {
  id: 'viva.request.aade-signature-valid',
  title: 'aadeProviderSignature verifies (ECDSA P-256 / SHA-256) with the provider key',
  level: 'MUST',
  clause: '3/request-aade-signature',
  run: (r, ctx) => {
    const data = r.fields.aadeProviderSignatureData;
    const signature = decodeSignature(r.fields.aadeProviderSignature ?? '');
    if (!data || signature === undefined) return problems(); // absent or malformed: other checks say so
    if (!ctx.aadeKey) return { skipped: 'no AADE provider public key given (--aade-public-key FILE)' };
    return problems(!verifyAadeSignature(data, signature, ctx.aadeKey) && 'aadeProviderSignature does not verify over aadeProviderSignatureData with the provider key');
  },
};
