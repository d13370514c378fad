import { decodeSignature } from '../../aade';
import { problems, type UriCheck } from '../uri-check';

export const aadeSignatureBase64: UriCheck = {
  id: 'viva.request.aade-signature-base64',
  title: 'aadeProviderSignature is base64',
  level: 'MUST',
  clause: '3/request-aade',
  run: (r) => {
    const signature = r.fields.aadeProviderSignature;
    if (signature === undefined || signature === '') return problems();
    const hint = signature.includes(' ') ? ' (a space: was "+" form-decoded?)' : '';
    return problems(decodeSignature(signature) === undefined && `aadeProviderSignature is not base64${hint}`);
  },
};
